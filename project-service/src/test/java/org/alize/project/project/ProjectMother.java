package org.alize.project.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.tenancy.BasinId;

/** Projects in every state, for tests: a Valenciennois boilermaker growing with six jobs. */
public final class ProjectMother {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate SUBMITTED_ON = LocalDate.of(2026, 1, 10);
    public static final LocalDate SESSION_ON = LocalDate.of(2026, 3, 5);
    public static final String PRESCRIBER = "per-roche";
    public static final Parties PARTIES = new Parties("per-roche", "Isabelle Roche", "org-hrs", "org-vmd",
            "Valenciennes Métropole Développement");

    private ProjectMother() {
    }

    public static Submission submission() {
        return new Submission(new Company("Chaudronnerie du Hainaut", "81234567800019", "25.62B",
                LocalDate.of(2009, 4, 1), 14, "Anzin"), new Head("Paul", "Martin", "paul.martin@chaudronnerie.example", null),
                BeneficiaryType.EXISTING_SME_DEVELOPMENT, new Needs(List.of("industrialisation"), new BigDecimal("20000"),
                "Nouvelle ligne de découpe laser"), 6, List.of("sch-pfil"));
    }

    public static Project submitted() {
        return Project.submit(TEST_BASIN, "prj-1", "2026-001", submission(),
                new Prescriber(PRESCRIBER, "Isabelle Roche", "org-hrs"), SUBMITTED_ON, NOW, "op");
    }

    public static Diagnosis preliminary() {
        return new Diagnosis(Diagnosis.Kind.PRELIMINARY, "Isabelle Roche", PRESCRIBER, "Hainaut Rail Systèmes",
                SUBMITTED_ON.plusDays(20), "Projet solide", "carnet de commandes", "trésorerie tendue", "agréer",
                new Diagnosis.Scores(4, 4, 5));
    }

    public static Project ready() {
        Project project = submitted();
        project.startDiagnosis(SUBMITTED_ON.plusDays(1), NOW, "op");
        project.recordDiagnosis(preliminary(), NOW, "op");
        project.markReady(SUBMITTED_ON.plusDays(25), NOW, "op");
        return project;
    }

    public static GrantedMeans means() {
        return new GrantedMeans(List.of(new GrantedMeans.SkillsGrant("org-hrs", "Hainaut Rail Systèmes", "industrialisation",
                8, new BigDecimal("800"))), List.of(), new GrantedMeans.AdvanceTerms(new BigDecimal("20000"), 36, 6,
                GrantedMeans.Frequency.MONTHLY), null, null);
    }

    public static Decision approval(String mandatary, String mandataryName) {
        return new Decision("ses-1", SESSION_ON, Decision.Outcome.APPROVED, "Projet solide et créateur d'emplois", means(),
                mandatary, mandataryName, false, 5, List.of("per-roche"), List.of());
    }

    public static Project approved() {
        Project project = ready();
        project.decide(approval("per-lefevre", "Thomas Lefèvre"), PARTIES, NOW, "op");
        return project;
    }

    public static Project signed() {
        Project project = approved();
        LocalDate on = SESSION_ON.plusDays(10);
        for (String key : List.of("SME_HEAD", "COMMITTEE_PRESIDENT", "SKILLS_PARTNER:org-hrs", "MANDATARY", "OPERATOR")) {
            project.sign(key, "signataire", on, on, NOW, "op");
        }
        return project;
    }
}
