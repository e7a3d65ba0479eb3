package org.alize.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.kernel.BasinCalendar;
import tools.jackson.databind.JsonNode;

/**
 * The Valenciennois' money of DEMO.md through finance-service's API: partners' contributions to the
 * fund and the operating account, every signed advance paid out and repaid on time but one 45 days late
 * and one written off (its SME went into liquidation), and this year's operating expenses with the
 * operator's reimbursement (8 000 €, under the cap).
 */
final class FinanceSeeder implements Seeder {

    private static final String BASIN = "valenciennois";

    private SeedContext context;
    private URI finance;
    private String operator;
    private LocalDate today;

    @Override
    public String name() {
        return "finance-valenciennois";
    }

    @Override
    public void seed(SeedContext context) throws Exception {
        this.context = context;
        this.finance = context.service("finance").resolve("/api/basins/" + BASIN);
        this.operator = context.token();
        this.today = BasinCalendar.today(Clock.systemUTC());
        JsonNode advances = await(8);
        if (json("GET", "/journal?size=1", null).path("totalItems").asInt() > 0) {
            return; // seeded by an earlier start that stopped before recording it
        }
        contributions();
        for (JsonNode advance : advances) {
            String id = advance.get("advanceId").asString();
            String company = advance.get("companyName").asString();
            LocalDate signedOn = LocalDate.parse(advance.get("signedOn").asString());
            send("POST", "/advances/" + id + "/disbursements", "{\"on\":\"" + signedOn.plusDays(7) + "\",\"amount\":"
                    + advance.get("granted").asString() + "}");
            // the bakery's takeover struggles: its instalments of the last 45 days are unpaid
            repayDue(id, advance.get("schedule"), company.startsWith("Boulangerie") ? today.minusDays(45) : today);
            if (company.startsWith("Menuiserie")) {
                // the joinery, abandoned after losing its main customer, went into liquidation
                JsonNode current = json("GET", "/advances/" + id, null);
                send("POST", "/advances/" + id + "/write-offs", """
                        {"on":"%s","amount":%s,"reason":"Liquidation judiciaire de l'entreprise","committeeReference":"CA-%d-%02d"}
                        """.formatted(today.minusDays(15), current.get("outstanding").asString(), today.getYear(),
                        today.getMonthValue()));
                send("POST", "/advances/" + id + "/recoveries", "{\"on\":\"" + today.minusDays(5) + "\",\"amount\":500}");
            }
        }
        // both halves of the year fall in this calendar year (the expenses page shows one), never in the future
        LocalDate earlier = today.minusDays(150).getYear() == today.getYear() ? today.minusDays(150)
                : LocalDate.of(today.getYear(), 1, 1);
        LocalDate later = today.minusDays(3).getYear() == today.getYear() ? today.minusDays(3) : today;
        send("POST", "/operating-expenses", expense("LOCAL_ENGINEERING", 42000, earlier,
                "Animation du dispositif et détection des projets, 1er semestre", "Service économique de Valenciennes Métropole"));
        send("POST", "/operating-expenses", expense("OPERATOR_REIMBURSEMENT", 4000, earlier,
                "Remboursement de l'opérateur, 1er semestre", "Valenciennes Métropole Développement"));
        send("POST", "/operating-expenses", expense("OPERATOR_REIMBURSEMENT", 4000, later,
                "Remboursement de l'opérateur, 2nd semestre", "Valenciennes Métropole Développement"));
        send("POST", "/operating-expenses", expense("OTHER", 1800, today.minusDays(30),
                "Location de salle pour les comités", "CCI Grand Hainaut"));
    }

    /** Waits until finance-service has opened the advances of the signed conventions and knows the pledges. */
    private JsonNode await(int advances) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = json("GET", "/advances?size=" + Math.max(advances, 50), null).path("items");
            if (found.size() >= advances && json("GET", "/pledges", null).size() >= 2) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("finance-service has not opened the Valenciennois' advances from project-service");
    }

    private void contributions() throws Exception {
        JsonNode conventions = json("GET", "/pledges", null);
        JsonNode current = conventions.get(conventions.size() - 1);
        LocalDate start = LocalDate.parse(current.get("startsOn").asString());
        for (JsonNode pledge : current.get("pledges")) {
            String partner = pledge.get("organisationId").asString();
            boolean company = "COMPANIES".equals(pledge.get("resourceCategory").asString());
            BigDecimal yearly = pledge.get("cash").decimalValue().divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
            // a third of the 3-year pledge each year: to the fund for companies, to the operating account for the others
            for (int year = 0; year < 2; year++) {
                LocalDate on = start.plusYears(year).plusMonths(2);
                if (on.isAfter(today) || yearly.signum() == 0) {
                    continue;
                }
                send("POST", "/contributions", """
                        {"partnerId":"%s","account":"%s","amount":%s,"on":"%s"}
                        """.formatted(partner, company ? "ADVANCE_FUND" : "OPERATING_ACCOUNT", yearly.toPlainString(), on));
            }
            BigDecimal skills = pledge.get("skillsValue").decimalValue().divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
            if (skills.signum() > 0 && !start.plusMonths(6).isAfter(today)) {
                send("POST", "/contributions", """
                        {"partnerId":"%s","kind":"SKILLS","amount":%s,"on":"%s","description":"Jours de compétences mis à disposition"}
                        """.formatted(partner, skills.toPlainString(), start.plusMonths(6)));
            }
        }
    }

    /** Repays every instalment due before {@code until}. */
    private void repayDue(String advance, JsonNode schedule, LocalDate until) throws Exception {
        for (JsonNode instalment : schedule) {
            LocalDate due = LocalDate.parse(instalment.get("dueOn").asString());
            if (due.isBefore(until) && !due.isAfter(today)) {
                send("POST", "/advances/" + advance + "/repayments", "{\"on\":\"" + due + "\",\"amount\":"
                        + instalment.get("amount").asString() + "}");
            }
        }
    }

    private static String expense(String category, int amount, LocalDate on, String description, String payee) {
        return """
                {"category":"%s","amount":%d,"paidOn":"%s","description":"%s","payee":"%s"}
                """.formatted(category, amount, on, description, payee);
    }

    private JsonNode json(String method, String path, String body) throws Exception {
        return context.json(method, URI.create(finance + path), operator, body);
    }

    private void send(String method, String path, String body) throws Exception {
        context.send(method, URI.create(finance + path), operator, body);
    }
}
