package org.alize.basin.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.basin.events.NetworkMeetingHeld;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class NetworkMeetingTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final List<String> BASINS = List.of("valenciennois", "flandre-dunkerque", "terres-de-lorraine");

    private static NetworkMeeting held(NetworkMeeting.Kind kind, LocalDate date, List<NetworkMeeting.Attendance> present) {
        NetworkMeeting meeting = NetworkMeeting.plan("m-" + date, kind, "Réunion", date, "Paris", BASINS, NOW, "astrees");
        meeting.recordHeld(present, TODAY, NOW, "astrees");
        return meeting;
    }

    @Test
    void a_meeting_held_is_told_to_each_basin_invited_with_its_own_attendance_R40() {
        NetworkMeeting meeting = held(NetworkMeeting.Kind.NETWORK_LIFE, LocalDate.of(2026, 3, 19), List.of(
                new NetworkMeeting.Attendance("valenciennois", true, true),
                new NetworkMeeting.Attendance("flandre-dunkerque", true, false)));

        List<Object> held = meeting.raisedEvents().stream().filter(NetworkMeetingHeld.class::isInstance).toList();
        assertThat(held).hasSize(3);
        assertThat(held).map(e -> (NetworkMeetingHeld) e)
                .extracting(NetworkMeetingHeld::basinId, NetworkMeetingHeld::operatorPresent, NetworkMeetingHeld::basinsPresent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("valenciennois", true, 2),
                        org.assertj.core.groups.Tuple.tuple("flandre-dunkerque", true, 2),
                        org.assertj.core.groups.Tuple.tuple("terres-de-lorraine", false, 2));
    }

    @Test
    void each_basin_invited_hears_of_the_plan_and_of_a_cancellation_on_its_own_stream_R40() {
        NetworkMeeting meeting = NetworkMeeting.plan("m-1", NetworkMeeting.Kind.NETWORK_LIFE, "Vie du réseau — hiver",
                LocalDate.of(2026, 12, 10), "ASTREES, Paris", BASINS, NOW, "astrees");
        assertThat(meeting.raisedEvents()).map(e -> (org.alize.basin.events.NetworkMeetingPlanned) e)
                .extracting(org.alize.basin.events.NetworkMeetingPlanned::basinId)
                .containsExactly("valenciennois", "flandre-dunkerque", "terres-de-lorraine");
        assertThat((org.alize.basin.events.NetworkMeetingPlanned) meeting.raisedEvents().get(0)).satisfies(p -> {
            assertThat(p.basinsInvited()).isEqualTo(3);
            assertThat(p.location()).isEqualTo("ASTREES, Paris");
            assertThat(p.kind()).isEqualTo("NETWORK_LIFE");
        });
        meeting.cancel("Grève des transports", NOW, "astrees");
        assertThat(meeting.raisedEvents()).filteredOn(org.alize.basin.events.NetworkMeetingCancelled.class::isInstance)
                .map(e -> ((org.alize.basin.events.NetworkMeetingCancelled) e).basinId())
                .containsExactly("valenciennois", "flandre-dunkerque", "terres-de-lorraine");
    }

    @Test
    void the_year_is_measured_against_three_network_life_meetings_and_one_national_event_R40() {
        List<NetworkMeeting> year = List.of(
                held(NetworkMeeting.Kind.NETWORK_LIFE, LocalDate.of(2026, 3, 19),
                        List.of(new NetworkMeeting.Attendance("valenciennois", true, false))),
                held(NetworkMeeting.Kind.NETWORK_LIFE, LocalDate.of(2026, 6, 18),
                        List.of(new NetworkMeeting.Attendance("valenciennois", true, true))),
                held(NetworkMeeting.Kind.NATIONAL_EVENT, LocalDate.of(2026, 10, 8), List.of()));

        YearSummary summary = YearSummary.of(2026, year);

        assertThat(summary.networkLifeHeld()).isEqualTo(2);
        assertThat(summary.nationalEventsHeld()).isEqualTo(1);
        assertThat(summary.shortfalls()).containsExactly("2 réunion(s) « Vie du réseau » tenue(s) pour 3 au moins (R-40)");
        assertThat(summary.basins()).filteredOn(b -> b.basinId().equals("valenciennois")).singleElement()
                .satisfies(b -> {
                    assertThat(b.invited()).isEqualTo(3);
                    assertThat(b.attended()).isEqualTo(2);
                });
    }

    @Test
    void a_future_meeting_cannot_be_recorded_as_held_nor_can_an_uninvited_basin_attend() {
        NetworkMeeting future = NetworkMeeting.plan("m", NetworkMeeting.Kind.NETWORK_LIFE, "Hiver", TODAY.plusDays(30),
                null, BASINS, NOW, "astrees");
        NetworkMeeting past = NetworkMeeting.plan("p", NetworkMeeting.Kind.NETWORK_LIFE, "Automne", TODAY.minusDays(3),
                null, List.of("valenciennois"), NOW, "astrees");

        assertThatThrownBy(() -> future.recordHeld(List.of(), TODAY, NOW, "astrees")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> past.recordHeld(List.of(new NetworkMeeting.Attendance("terres-de-lorraine", true, false)),
                TODAY, NOW, "astrees")).isInstanceOf(InvalidInput.class);
    }
}
