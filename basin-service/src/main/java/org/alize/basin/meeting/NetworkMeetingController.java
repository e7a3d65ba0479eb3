package org.alize.basin.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.basin.meeting.NetworkMeeting.Attendance;
import org.alize.basin.registry.RegistryService;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.Ids;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/network/meetings")
@Tag(name = "Vie du réseau", description = "Réunions du réseau et événement national (R-40)")
class NetworkMeetingController {

    private final NetworkMeetingRepository meetings;
    private final RegistryService registry;
    private final Clock clock;

    NetworkMeetingController(NetworkMeetingRepository meetings, RegistryService registry, Clock clock) {
        this.meetings = meetings;
        this.registry = registry;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Prévoir une réunion du réseau ; sans liste d'invités, l'opérateur de chaque bassin actif est invité (R-40)")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ResponseEntity<MeetingView> plan(@Valid @RequestBody PlanInput input) {
        List<String> invited = input.invitedBasins() == null || input.invitedBasins().isEmpty() ? registry.activeBasinIds()
                : input.invitedBasins();
        NetworkMeeting meeting = meetings.save(NetworkMeeting.plan(Ids.next("mtg"), input.kind(),
                input.title(), input.date(), input.location(), invited, clock.instant(), CurrentGrants.subject()));
        return ResponseEntity.created(URI.create("/api/network/meetings/" + meeting.id())).body(MeetingView.of(meeting));
    }

    @GetMapping
    @Operation(summary = "Les réunions d'une année, par page (au plus 200), par date")
    Paged<MeetingView> meetings(@RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        int y = year == null ? today().getYear() : year;
        org.springframework.data.domain.Page<NetworkMeeting> found = meetings.within(
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                org.springframework.data.domain.PageRequest.of(page, size, org.springframework.data.domain.Sort.by("date", "_id")));
        return Paged.of(found.getContent(), page, size, found.getTotalElements(), MeetingView::of);
    }

    @GetMapping("/summary")
    @Operation(summary = "Bilan d'une année face au minimum de trois réunions « Vie du réseau » et d'un événement national (R-40)")
    YearSummary summary(@RequestParam(required = false) @Min(1990) @Max(2100) Integer year) {
        int y = year == null ? today().getYear() : year;
        return YearSummary.of(y, ofYear(y));
    }

    @GetMapping("/{meetingId}")
    MeetingView meeting(@PathVariable String meetingId) {
        return MeetingView.of(find(meetingId));
    }

    @PostMapping("/{meetingId}/held")
    @Operation(summary = "Enregistrer la tenue d'une réunion et les présents de chaque bassin")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    MeetingView held(@PathVariable String meetingId, @Valid @RequestBody HeldInput input) {
        NetworkMeeting meeting = find(meetingId);
        meeting.recordHeld(input.attendance(), registry.activeBasinIds(), today(), clock.instant(), CurrentGrants.subject());
        return MeetingView.of(meetings.save(meeting));
    }

    @PostMapping("/{meetingId}/cancel")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    MeetingView cancel(@PathVariable String meetingId, @Valid @RequestBody CancelInput input) {
        NetworkMeeting meeting = find(meetingId);
        meeting.cancel(input.reason(), clock.instant(), CurrentGrants.subject());
        return MeetingView.of(meetings.save(meeting));
    }

    @GetMapping("/{meetingId}/history")
    List<HistoryEntry> history(@PathVariable String meetingId) {
        return find(meetingId).history();
    }

    private List<NetworkMeeting> ofYear(int year) {
        return meetings.within(LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    private NetworkMeeting find(String id) {
        return meetings.findById(id).orElseThrow(() -> new NotFound("meeting.not-found", "Aucune réunion « " + id + " »."));
    }

    private LocalDate today() {
        return BasinCalendar.today(clock);
    }

    record PlanInput(@NotNull NetworkMeeting.Kind kind,
            @Schema(example = "Vie du réseau — printemps 2026") @NotBlank @Size(max = 160) String title,
            @NotNull LocalDate date, @Size(max = 160) String location,
            @Size(max = 500) List<@NotBlank String> invitedBasins) {
    }

    record HeldInput(@NotNull List<@Valid @NotNull Attendance> attendance) {
    }

    record MeetingView(String meetingId, NetworkMeeting.Kind kind, String title, LocalDate date, String location,
            List<String> invitedBasins, List<Attendance> attendance, NetworkMeeting.Status status, Long version) {
        static MeetingView of(NetworkMeeting m) {
            return new MeetingView(m.id(), m.kind(), m.title(), m.date(), m.location(), m.invitedBasins(), m.attendance(),
                    m.status(), m.version());
        }
    }

    record CancelInput(@NotBlank @Size(max = 500) String reason) {
    }
}
