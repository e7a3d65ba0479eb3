package org.alize.basin.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/basins/{basinId}")
@Tag(name = "Organisations et personnes", description = "Partenaires du bassin et leurs représentants ; écriture réservée à l'opérateur")
class OrganisationController {

    private final OrganisationService service;

    OrganisationController(OrganisationService service) {
        this.service = service;
    }

    @PostMapping("/organisations")
    @Operation(summary = "Ajouter une organisation au bassin (entreprise partenaire, partenaire associé, financeur public, structure opératrice)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<OrganisationView> join(@Valid @RequestBody OrganisationInput input) {
        Organisation organisation = service.join(input.kind(), input.profile(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create(base() + "/organisations/" + organisation.id()))
                .body(OrganisationView.of(organisation));
    }

    @GetMapping("/organisations")
    @Operation(summary = "Lister les organisations du bassin")
    Paged<OrganisationView> organisations(@RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.organisations(kind, active, q, page, size).map(OrganisationView::of);
    }

    @GetMapping("/organisations/{organisationId}")
    OrganisationView organisation(@PathVariable String organisationId) {
        return OrganisationView.of(service.organisation(organisationId));
    }

    @PutMapping("/organisations/{organisationId}")
    @Operation(summary = "Modifier la fiche d'une organisation (son type ne change pas)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    OrganisationView update(@PathVariable String organisationId, @Valid @RequestBody OrganisationInput input) {
        return OrganisationView.of(service.update(organisationId, input.profile(), CurrentGrants.subject()));
    }

    @PostMapping("/organisations/{organisationId}/withdraw")
    @Operation(summary = "Enregistrer le retrait d'une organisation du partenariat, motif obligatoire")
    @RequiresBasinRole(BasinRole.OPERATOR)
    OrganisationView withdraw(@PathVariable String organisationId, @Valid @RequestBody ReasonInput input) {
        return OrganisationView.of(service.withdraw(organisationId, input.reason(), CurrentGrants.subject()));
    }

    @GetMapping("/organisations/{organisationId}/history")
    List<HistoryEntry> organisationHistory(@PathVariable String organisationId) {
        return service.organisation(organisationId).history();
    }

    @PostMapping("/people")
    @Operation(summary = "Enregistrer une personne (représentant d'une organisation, d'ASTREES ou de la préfecture)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<PersonView> recordPerson(@Valid @RequestBody PersonInput input) {
        Person person = service.recordPerson(input.details(), input.active(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create(base() + "/people/" + person.id())).body(PersonView.of(person));
    }

    @GetMapping("/people")
    Paged<PersonView> people(@RequestParam(required = false) String organisationId,
            @RequestParam(required = false) Boolean inActivity, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.people(organisationId, inActivity, q, page, size).map(PersonView::of);
    }

    @GetMapping("/people/{personId}")
    PersonView person(@PathVariable String personId) {
        return PersonView.of(service.person(personId));
    }

    @PutMapping("/people/{personId}")
    @Operation(summary = "Modifier une personne, dont le fait d'être en activité (R-06)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    PersonView updatePerson(@PathVariable String personId, @Valid @RequestBody PersonInput input) {
        return PersonView.of(service.updatePerson(personId, input.details(), input.active(), CurrentGrants.subject()));
    }

    @GetMapping("/people/{personId}/history")
    List<HistoryEntry> personHistory(@PathVariable String personId) {
        return service.person(personId).history();
    }

    private static String base() {
        return "/api/basins/" + BasinContext.require();
    }

    record SkillInput(@Schema(example = "industrialisation") @NotBlank @Size(max = 80) String domain,
            @Schema(example = "20") @NotNull @Min(0) @Max(365) Integer indicativeDaysPerYear) {
    }

    record OrganisationInput(@Schema(example = "PARTNER_COMPANY") @NotNull OrganisationKind kind,
            @Schema(example = "Hainaut Rail Systèmes") @NotBlank @Size(max = 160) String name,
            @Schema(example = "73282932000074") String siret, @Schema(example = "30.20Z") String nafCode,
            SizeClass sizeClass, AssociatedKind associatedKind, FunderKind funderKind,
            List<@Valid @NotNull SkillInput> skills, Address address) {
        Organisation.Profile profile() {
            return new Organisation.Profile(name, siret, nafCode, sizeClass, associatedKind, funderKind,
                    skills == null ? List.of() : skills.stream().map(s -> new Skill(s.domain(), s.indicativeDaysPerYear())).toList(),
                    address);
        }
    }

    record ReasonInput(@NotBlank @Size(max = 1000) String reason) {
    }

    record OrganisationView(String organisationId, OrganisationKind kind, String name, String siret, String nafCode,
            SizeClass sizeClass, AssociatedKind associatedKind, FunderKind funderKind, List<Skill> skills, Address address,
            ResourceCategory resourceCategory, boolean active, Long version) {
        static OrganisationView of(Organisation o) {
            Organisation.Profile p = o.profile();
            return new OrganisationView(o.id(), o.kind(), p.name(), p.siret(), p.nafCode(), p.sizeClass(),
                    p.associatedKind(), p.funderKind(), p.skills(), p.address(), o.resourceCategory(), o.active(), o.version());
        }
    }

    record PersonInput(@Schema(example = "Isabelle") @NotBlank @Size(max = 80) String firstName,
            @Schema(example = "Roche") @NotBlank @Size(max = 80) String lastName,
            @Schema(example = "isabelle.roche@hainaut-rail.example") @Email String email, @Size(max = 30) String phone,
            @Schema(example = "ORGANISATION") Affiliation affiliation, String organisationId,
            @Size(max = 120) String jobTitle,
            @Schema(description = "en activité dans son organisation (R-06) ; vrai si absent") Boolean inActivity) {
        boolean active() {
            return inActivity == null || inActivity;
        }

        Person.Details details() {
            return new Person.Details(firstName, lastName, email, phone, affiliation, organisationId, jobTitle);
        }
    }

    record PersonView(String personId, String firstName, String lastName, String email, String phone,
            Affiliation affiliation, String organisationId, String jobTitle, boolean inActivity, Instant erasedAt,
            Long version) {
        static PersonView of(Person p) {
            Person.Details d = p.details();
            return new PersonView(p.id(), d.firstName(), d.lastName(), d.email(), d.phone(), d.affiliation(),
                    d.organisationId(), d.jobTitle(), p.inActivity(), p.erasedAt(), p.version());
        }
    }
}
