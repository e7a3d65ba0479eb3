package org.alize.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.basin.events.SteeringCommitteeDecided;
import org.alize.finance.events.FinanceEvents;
import org.alize.finance.journal.JournalProjector;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.ReceivedEvent;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectEvents;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.testing.ApiClient;
import org.alize.testing.BasinEndpoints;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithAlizeInfra
@SpringBootTest(classes = FinanceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FinanceFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    JournalProjector projector;
    @Autowired
    MongoClient mongo;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final LocalDate today = LocalDate.now(BasinCalendar.ZONE);

    @Test
    void operations_see_each_basins_commands_the_outbox_delay_and_backlog_the_events_consumed_and_the_dead_letters() {
        String basin = "fin-metrics";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        partnershipConvention(basin);
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/pledges").json().size() == 1);
        long delaysBefore = meters.get("alize.outbox.delay").timer().count();

        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":100}"));
        expect(400, op.post(base + "/contributions", "{\"partnerId\":\"org-inconnu\",\"account\":\"ADVANCE_FUND\",\"amount\":1}"));
        expect(200, op.get(base + "/contributions"));

        assertThat(meters.get("alize.commands").tags("basin", basin, "method", "POST", "outcome", "2xx").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("alize.commands").tags("basin", basin, "method", "POST", "outcome", "4xx").counter().count())
                .isEqualTo(1);
        assertThat(meters.find("alize.commands").tags("basin", basin, "method", "GET").counter()).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("alize.outbox.delay").timer().count()).isGreaterThan(delaysBefore);
            assertThat(meters.get("alize.outbox.backlog").gauge().value()).isZero();
            assertThat(meters.get("alize.outbox.oldest").gauge().value()).isZero();
            assertThat(meters.get("alize.events.consumed").tags("consumer", "journal", "outcome", "handled").counter().count())
                    .isPositive();
            assertThat(meters.get("alize.events.consumed").tags("consumer", "basin-pledges", "outcome", "handled").counter()
                    .count()).isPositive();
        });

        double deadBefore = java.util.Optional.ofNullable(meters.find("alize.events.dead-lettered").tags("topic", BasinEvents.TOPIC)
                .counter()).map(io.micrometer.core.instrument.Counter::count).orElse(0.0);
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), BasinEvents.TOPIC, BasinEvents.PARTNERSHIP_CONVENTION_SIGNED,
                "/basins/" + basin + "/test/bad", "bad", basin, 1, Instant.now(), "[1]"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meters.find("alize.events.dead-lettered")
                .tags("topic", BasinEvents.TOPIC).counter()).isNotNull().satisfies(dead -> assertThat(dead.count())
                .isEqualTo(deadBefore + 1)));
    }

    @Test
    void a_signed_convention_opens_one_advance_whose_money_moves_through_a_balanced_journal_R04_R14_R31_R32() {
        String basin = "fin-a";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        partnershipConvention(basin);
        String conventionEvent = UUID.randomUUID().toString();
        cooperationConvention(basin, "prj-1", conventionEvent);
        cooperationConvention(basin, "prj-1", conventionEvent);
        cooperationConvention(basin, "prj-1", UUID.randomUUID().toString());

        JsonNode advance = await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/advances").json().path("items"),
                list -> list.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/pledges").json().size() == 1);
        String id = advance.get("advanceId").asString();
        assertThat(advance.get("schedule").size()).isEqualTo(12);
        assertThat(advance.get("status").asString()).isEqualTo("OPEN");

        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":33400}"));
        ApiClient.Response paid = op.postWithKey(base + "/advances/" + id + "/disbursements", "dsb-1",
                "{\"amount\":12000,\"on\":\"" + today + "\"}");
        ApiClient.Response replayed = op.postWithKey(base + "/advances/" + id + "/disbursements", "dsb-1",
                "{\"amount\":12000,\"on\":\"" + today + "\"}");
        ApiClient.Response beyond = op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":0.01}");
        expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":1500,\"on\":\"" + today + "\"}"));
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"kind\":\"SKILLS\",\"amount\":8000}"));
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-region\",\"account\":\"OPERATING_ACCOUNT\",\"amount\":60000}"));
        ApiClient.Response unapproved = op.post(base + "/transfers",
                "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\",\"amount\":20000}");
        steeringDecision(basin, "CLP-1", today.minusDays(3));
        ApiClient.Response unknownDecision = op.post(base + "/transfers",
                "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\",\"amount\":20000,\"approvalReference\":\"adv-prj-1\"}");
        ApiClient.Response beforeItsDecision = awaitTransfer(op, base,
                "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\",\"amount\":20000,\"approvalReference\":\"CLP-1\","
                        + "\"on\":\"" + today.minusDays(4) + "\"}", r -> r.body().contains("date du"));
        expect(201, awaitTransfer(op, base,
                "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\",\"amount\":20000,\"approvalReference\":\"CLP-1\"}",
                r -> r.status() == 201));
        expect(201, op.post(base + "/operating-expenses", "{\"category\":\"OPERATOR_REIMBURSEMENT\",\"amount\":6000,"
                + "\"paidOn\":\"" + today + "\",\"description\":\"semestre\"}"));
        ApiClient.Response overCap = op.post(base + "/operating-expenses", "{\"category\":\"OPERATOR_REIMBURSEMENT\","
                + "\"amount\":4000.01,\"paidOn\":\"" + today + "\",\"description\":\"semestre\"}");

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(paid.body());
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.json().get("rule").asString()).isEqualTo("R-32");
        assertThat(unapproved.status()).isEqualTo(422);
        assertThat(unapproved.json().get("rule").asString()).isEqualTo("R-04");
        assertThat(unknownDecision.status()).as("an advance's id is no approval (R-04)").isEqualTo(422);
        assertThat(unknownDecision.json().get("detail").asString()).contains("adv-prj-1", "comité local de pilotage");
        assertThat(beforeItsDecision.status()).as("a transfer follows its decision").isEqualTo(422);
        assertThat(overCap.status()).isEqualTo(422);
        assertThat(overCap.json().get("rule").asString()).isEqualTo("R-14");

        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/journal").json().path("totalItems").asInt() == 7);
        Map<String, BigDecimal> balances = balances(op, base);
        assertThat(balances.get("512100")).as("fund: 33 400 − 12 000 + 1 500 + 20 000").isEqualByComparingTo("42900");
        assertThat(balances.get("512200")).as("operating: 60 000 − 20 000 − 6 000").isEqualByComparingTo("34000");
        assertThat(balances.get("274100")).isEqualByComparingTo("10500");
        JsonNode reconciliation = op.get(base + "/journal/reconciliation").json();
        assertThat(reconciliation.get("differences").size()).isZero();
        assertThat(reconciliation.get("outstandingPerJournal").decimalValue()).isEqualByComparingTo("10500");
        String fec = new String(op.bytes(base + "/journal/fec"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fec.split("\r\n")).hasSize(1 + 14);
        assertThat(fec).startsWith("JournalCode\tJournalLib\tEcritureNum").contains("\t274100\t").contains("12000,00");
        assertThat(op.get(base + "/accounts").body()).contains("42900");

        List<ConsumerRecord<String, byte[]>> events = TopicRecords.read(FinanceEvents.TOPIC, r -> basin.equals(r.key()));
        events.forEach(r -> EventContract.assertConforms(TopicRecords.header(r, "ce_type"), TopicRecords.body(r)));
        assertThat(events.stream().filter(r -> FinanceEvents.ADVANCE_OPENED.equals(TopicRecords.header(r, "ce_type"))))
                .as("the same convention announced three times opens one advance").hasSize(1);
    }

    @Test
    void replaying_the_whole_finance_topic_into_an_empty_journal_gives_the_same_balances_and_loss_rates_R30_R31() {
        String basin = "fin-replay";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-r");
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/pledges").json().size() == 1);
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":33400}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":12000}"));
        expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":2345.67}"));
        String bounced = expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":100}")).json()
                .get("repayments").get(1).get("id").asString();
        expect(200, op.post(base + "/advances/" + id + "/repayments/" + bounced + "/reverse", "{\"reason\":\"chèque impayé\"}"));
        expect(200, op.post(base + "/advances/" + id + "/write-offs",
                "{\"amount\":5000,\"reason\":\"redressement\",\"committeeReference\":\"CA-7\"}"));
        expect(200, op.post(base + "/advances/" + id + "/recoveries", "{\"amount\":750.25}"));
        // 5 000 written off of 12 000 lent is 41.7 % gross; net of the 750.25 recovered, 35.4 %
        JsonNode lossRate = op.get(base + "/loss-rate").json();
        assertThat(lossRate.path("ratePercent").decimalValue()).isEqualByComparingTo("41.7");
        assertThat(lossRate.path("netRatePercent").decimalValue()).isEqualByComparingTo("35.4");
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/journal").json().path("totalItems").asInt() == 7);
        Map<String, BigDecimal> live = balances(op, base);
        assertThat(live.get("274100")).as("12 000 − 2 345,67 − 100 + 100 − 5 000").isEqualByComparingTo("4654.33");

        mongo.getDatabase("finance_" + basin).getCollection("journal").drop();
        mongo.getDatabase("finance_" + basin).getCollection("counters").deleteOne(new Document("_id", "journal"));
        assertThat(op.get(base + "/journal").json().path("totalItems").asInt()).isZero();
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(FinanceEvents.TOPIC, r -> basin.equals(r.key()));
        for (int pass = 0; pass < 2; pass++) {
            for (ConsumerRecord<String, byte[]> record : records) {
                BasinContext.runIn(BasinId.of(basin), () -> projector.post(received(record)));
            }
        }

        assertThat(op.get(base + "/journal").json().path("totalItems").asInt()).isEqualTo(7);
        JsonNode secondPage = op.get(base + "/journal?page=1&size=5&newestFirst=true").json();
        assertThat(secondPage.path("items").size()).isEqualTo(2);
        assertThat(secondPage.path("totalPages").asInt()).isEqualTo(2);
        assertThat(secondPage.path("items").get(1).path("number").asInt()).as("newest first: the oldest last").isEqualTo(1);
        assertThat(op.get(base + "/journal?size=201").status()).as("a page is at most 200 entries").isEqualTo(400);
        assertThat(balances(op, base)).isEqualTo(live);
        assertThat(op.get(base + "/journal/reconciliation").json().get("differences").size()).isZero();

        // the running totals dropped (or never kept, as before they existed): counted once from the journal on the next read
        mongo.getDatabase("finance_" + basin).getCollection("journal_totals").drop();
        assertThat(balances(op, base)).isEqualTo(live);
        assertThat(mongo.getDatabase("finance_" + basin).getCollection("journal_totals").countDocuments())
                .as("a document per account and year, and the completion mark: not one per entry").isLessThan(12);
        JsonNode reconciliation = op.get(base + "/journal/reconciliation").json();
        assertThat(reconciliation.get("totalDifferences").size()).as("running totals = sums of entries").isZero();
    }

    @Test
    void the_absurd_requests_that_once_took_finance_down_are_refused_and_change_nothing() {
        String basin = "fin-absurd";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-x");
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":33400}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":12000}"));
        String before = op.get(base + "/advances/" + id).json().toString();

        Map<String, String> absurd = new java.util.LinkedHashMap<>();
        absurd.put("/advances/" + id + "/reschedule", "{\"approvalReference\":\"XT\",\"durationMonths\":100000}");
        absurd.put("/advances/simulation", "{\"amount\":10000,\"durationMonths\":2147483647}");
        absurd.put("/operating-expenses", "{\"category\":\"LOCAL_ENGINEERING\",\"amount\":1e308,\"paidOn\":\"" + today
                + "\",\"description\":\"x\"}");
        absurd.put("/transfers", "{\"from\":\"ADVANCE_FUND\",\"to\":\"OPERATING_ACCOUNT\",\"amount\":1.23e22,"
                + "\"approvalReference\":\"CA-1\",\"reason\":\"x\"}");
        absurd.put("/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\","
                + "\"amount\":1.2345678901234567890123456789012345}");
        absurd.put("/advances/" + id + "/repayments", "{\"amount\":100,\"on\":\"0000-01-01\"}");
        for (Map.Entry<String, String> request : absurd.entrySet()) {
            ApiClient.Response refused = op.post(base + request.getKey(), request.getValue());
            assertThat(refused.status()).as(request.getKey() + " " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().path("errors").size()).as(request.getKey()).isPositive();
        }
        assertThat(op.put(base + "/arrears/buckets", "{\"upperBounds\":[2147483647]}").status()).isEqualTo(400);

        assertThat(op.get(base + "/advances/" + id).json().toString()).isEqualTo(before);
        assertThat(op.get(base + "/transfers").json().path("totalItems").asInt()).isZero();
        assertThat(op.get(base + "/contributions").json().path("totalItems").asInt()).as("only the one that funded the advance")
                .isEqualTo(1);
        assertThat(op.get(base + "/operating-expenses").json().path("expenses").size()).isZero();
    }

    @Test
    void a_suspended_basin_pays_nothing_out_but_still_records_repayments_R01() {
        String basin = "fin-suspendu";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-s");
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":33400}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":6000}"));

        publish(basin, BasinEvents.TOPIC, BasinEvents.BASIN_STATUS_CHANGED, basin, new BasinStatusChanged(basin, "Suspendu",
                "ACTIVE", "SUSPENDED", "SUSPEND", today, null, "comptes non rendus", Instant.now(), "astrees"),
                UUID.randomUUID().toString());

        ApiClient.Response refused = await().atMost(Duration.ofSeconds(30)).until(() -> op.post(base + "/advances/" + id
                + "/disbursements", "{\"amount\":1000}"), r -> r.status() != 200);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("rule").asString()).isEqualTo("R-01");
        expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":500}"));
        assertThat(op.get(base + "/advances/" + id).json().path("disbursed").decimalValue()).isEqualByComparingTo("6000");
    }

    @Test
    void positions_are_read_at_the_end_of_a_past_day_move_with_movements_entered_late_and_are_never_read_in_the_future_R30_R31() {
        String basin = "fin-asof";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-asof");
        LocalDate signed = today.minusDays(10);
        LocalDate received = signed.getYear() == today.getYear() ? signed : today;
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":33400,"
                + "\"on\":\"" + received + "\"}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":12000,\"on\":\"" + signed.plusDays(1) + "\"}"));
        expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":700,\"on\":\"" + today + "\"}"));
        expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":1500,\"on\":\"" + signed.plusDays(3) + "\"}"));

        JsonNode beforeLending = op.get(base + "/advances/" + id + "?asOf=" + signed).json();
        JsonNode lent = op.get(base + "/advances/" + id + "?asOf=" + signed.plusDays(2)).json();
        JsonNode repaidLate = op.get(base + "/advances/" + id + "?asOf=" + signed.plusDays(3)).json();
        JsonNode now = op.get(base + "/advances/" + id).json();
        JsonNode page = op.get(base + "/advances?asOf=" + signed.plusDays(3)).json().path("items").get(0);

        assertThat(beforeLending.path("status").asString()).isEqualTo("OPEN");
        assertThat(beforeLending.path("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(lent.path("asOf").asString()).isEqualTo(signed.plusDays(2).toString());
        assertThat(lent.path("outstanding").decimalValue()).isEqualByComparingTo("12000");
        assertThat(repaidLate.path("repaid").decimalValue()).as("a repayment entered after a later one, with its own date")
                .isEqualByComparingTo("1500");
        assertThat(repaidLate.path("outstanding").decimalValue()).isEqualByComparingTo("10500");
        assertThat(page.path("outstanding").decimalValue()).isEqualByComparingTo("10500");
        assertThat(now.path("outstanding").decimalValue()).isEqualByComparingTo("9800");
        assertThat(now.path("asOf").asString()).isEqualTo(today.toString());
        assertThat(op.get(base + "/arrears?asOf=" + signed.plusDays(3)).json().path("on").asString())
                .isEqualTo(signed.plusDays(3).toString());
        assertThat(op.get(base + "/loss-rate?asOf=" + signed.plusDays(2)).json().path("lent").decimalValue())
                .isEqualByComparingTo("12000");

        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/journal").json().path("totalItems").asInt() == 4);
        JsonNode reconciliation = op.get(base + "/journal/reconciliation?asOf=" + signed.plusDays(3)).json();
        assertThat(reconciliation.path("differences").size()).isZero();
        assertThat(reconciliation.path("outstandingPerAdvances").decimalValue()).isEqualByComparingTo("10500");
        Map<String, BigDecimal> atDay3 = op.get(base + "/journal/balances?asOf=" + signed.plusDays(3)).json().valueStream()
                .collect(Collectors.toMap(b -> b.get("number").asString(), b -> b.get("balance").decimalValue()));
        assertThat(atDay3.get("274100")).isEqualByComparingTo("10500");
        assertThat(op.get(base + "/accounts?asOf=" + signed.plusDays(3)).json().get(0).path("balance").decimalValue())
                .as("the fund at the end of that day: what it had received, less 12 000 lent, plus 1 500 repaid")
                .isEqualByComparingTo(received.isAfter(signed.plusDays(3)) ? "-10500" : "22900");

        for (String path : List.of("/advances/" + id, "/advances", "/arrears", "/loss-rate", "/accounts", "/journal/balances",
                "/journal/reconciliation")) {
            ApiClient.Response future = op.get(base + path + "?asOf=" + today.plusDays(1));
            assertThat(future.status()).as(path).isEqualTo(400);
            assertThat(future.body()).as(path).contains("asOf");
        }
        assertThat(op.get(base + "/arrears?asOf=1989-12-31").status()).isEqualTo(400);
        assertThat(op.get(base + "/arrears?asOf=31/12/2025").status()).isEqualTo(400);
    }

    @Test
    void money_leaves_an_account_only_if_it_keeps_a_balance_of_zero_or_more_even_when_ten_outflows_race_R04() throws Exception {
        String basin = "fin-r04";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-r04");

        ApiClient.Response emptyFund = op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":1000}");
        ApiClient.Response emptyAccount = op.post(base + "/transfers",
                "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\",\"amount\":100,\"approvalReference\":\"CLP-1\"}");
        ApiClient.Response unpaidExpense = op.post(base + "/operating-expenses", "{\"category\":\"OTHER\",\"amount\":50,"
                + "\"description\":\"salle\"}");
        assertThat(List.of(emptyFund, emptyAccount, unpaidExpense)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().path("rule").asString()).isEqualTo("R-04");
        });
        assertThat(emptyFund.json().path("detail").asString()).contains("fonds d'avances", "négatif");
        assertThat(op.get(base + "/advances/" + id).json().path("disbursed").decimalValue()).isEqualByComparingTo("0");
        assertThat(op.get(base + "/transfers").json().path("totalItems").asInt()).isZero();

        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":5000}"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<ApiClient.Response>> race = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            race.add(pool.submit(() -> op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":1000}")));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<ApiClient.Response> response : race) {
            statuses.add(response.get().status());
        }
        pool.shutdown();

        assertThat(statuses).as("five succeed; the others are refused (R-04) or lost the advance's version (409)")
                .filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).allMatch(s -> s == 200 || s == 422 || s == 409);
        assertThat(op.get(base + "/advances/" + id).json().path("disbursed").decimalValue()).isEqualByComparingTo("5000");
        ApiClient.Response oneCentMore = op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":0.01}");
        assertThat(oneCentMore.status()).isEqualTo(422);
        assertThat(oneCentMore.json().path("rule").asString()).isEqualTo("R-04");
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/journal").json().path("totalItems").asInt() == 6);
        assertThat(balances(op, base).get("512100")).isEqualByComparingTo("0");
    }

    @Test
    void the_balance_the_treasury_keeps_between_outflows_never_lets_money_out_that_a_bounced_repayment_took_back_R04() {
        String basin = "fin-kept";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-kept");
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":10000}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":4000}"));
        String repayment = expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":3000}")).json()
                .get("repayments").get(0).get("id").asString();
        // the fund holds 9 000, and the treasury counted the repayment in; the cheque bounces: 6 000 left
        expect(200, op.post(base + "/advances/" + id + "/repayments/" + repayment + "/reverse", "{\"reason\":\"chèque impayé\"}"));

        ApiClient.Response tooMuch = op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":6000.01}");
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.json().path("detail").asString()).contains("6000.00");
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":5000}"));
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\",\"amount\":500}"));
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":1500}"));
        ApiClient.Response oneCent = op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":0.01}");
        assertThat(oneCent.status()).as("the fund is empty to the cent").isEqualTo(422);
        assertThat(oneCent.json().path("rule").asString()).isEqualTo("R-04");
    }

    @Test
    void every_movement_recorded_by_mistake_is_reversed_by_an_entry_that_names_the_one_it_undoes_R04_R31() {
        String basin = "fin-r31";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        String id = openedAdvance(op, basin, "prj-r31");
        String fund = expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"ADVANCE_FUND\","
                + "\"amount\":33400}")).json().path("contributionId").asString();
        String twice = expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-region\",\"account\":\"OPERATING_ACCOUNT\","
                + "\"amount\":9000}")).json().path("contributionId").asString();
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-region\",\"account\":\"OPERATING_ACCOUNT\",\"amount\":9000}"));
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, "ses-r31",
                new CommitteeSessionHeld(basin, "ses-r31", 4, today.minusDays(1), 6, 5, 4, 2, Instant.now(), "op"),
                UUID.randomUUID().toString());
        String transfer = expect(201, awaitTransfer(op, base, "{\"from\":\"OPERATING_ACCOUNT\",\"to\":\"ADVANCE_FUND\","
                + "\"amount\":2000,\"approvalReference\":\"ses-r31\"}", r -> r.status() == 201)).json().path("transferId").asString();
        String expense = expect(201, op.post(base + "/operating-expenses", "{\"category\":\"OTHER\",\"amount\":1800,"
                + "\"description\":\"salle\"}")).json().path("id").asString();
        expect(200, op.post(base + "/advances/" + id + "/disbursements", "{\"amount\":12000}"));
        String repayment = expect(200, op.post(base + "/advances/" + id + "/repayments", "{\"amount\":700}")).json()
                .path("repayments").get(0).path("id").asString();

        JsonNode reversed = expect(200, op.post(base + "/contributions/" + twice + "/reverse", "{\"reason\":\"Saisie en double\"}"))
                .json();
        ApiClient.Response again = op.post(base + "/contributions/" + twice + "/reverse", "{\"reason\":\"encore\"}");
        expect(200, op.post(base + "/transfers/" + transfer + "/reverse", "{\"reason\":\"Décision mal citée\"}"));
        expect(200, op.post(base + "/operating-expenses/" + expense + "/reverse", "{\"reason\":\"Facture annulée\"}"));
        expect(200, op.post(base + "/advances/" + id + "/repayments/" + repayment + "/reverse", "{\"reason\":\"Chèque impayé\"}"));
        ApiClient.Response spent = op.post(base + "/contributions/" + fund + "/reverse", "{\"reason\":\"erreur\"}");
        ApiClient.Response unknown = op.post(base + "/transfers/trf-unknown/reverse", "{\"reason\":\"erreur\"}");
        ApiClient.Response noReason = op.post(base + "/operating-expenses/" + expense + "/reverse", "{}");

        assertThat(reversed.path("reversal").path("reason").asString()).isEqualTo("Saisie en double");
        assertThat(reversed.path("amount").decimalValue()).as("the movement stays as recorded").isEqualByComparingTo("9000");
        assertThat(again.status()).isEqualTo(409);
        assertThat(spent.status()).as("33 400 in, 12 000 lent: taking it all back would leave the fund below zero")
                .isEqualTo(422);
        assertThat(spent.json().path("rule").asString()).isEqualTo("R-04");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noReason.status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/journal").json().path("totalItems").asInt() == 11);
        List<JsonNode> entries = op.get(base + "/journal?size=50").json().path("items").valueStream().toList();
        Map<String, JsonNode> byPiece = entries.stream().filter(e -> e.path("reverses").isNull() || e.path("reverses").isMissingNode())
                .collect(Collectors.toMap(e -> e.path("pieceRef").asString() + "/" + e.path("number").asInt(), e -> e));
        List<JsonNode> reversals = entries.stream().filter(e -> e.path("reverses").isString()).toList();
        assertThat(reversals).hasSize(4);
        for (JsonNode reversal : reversals) {
            JsonNode original = entries.stream().filter(e -> e.path("id").asString().equals(reversal.path("reverses").asString()))
                    .findFirst().orElseThrow();
            assertThat(original.path("reverses").isNull()).isTrue();
            assertThat(net(reversal)).as("each account moved back by what the original moved it")
                    .isEqualTo(net(original).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().negate())));
        }
        assertThat(byPiece).isNotEmpty();
        Map<String, BigDecimal> balances = balances(op, base);
        assertThat(balances.get("512100")).as("fund: 33 400 − 12 000, the transfer and the repayment undone")
                .isEqualByComparingTo("21400");
        assertThat(balances.get("512200")).as("operating: 9 000, the double, the transfer and the expense undone")
                .isEqualByComparingTo("9000");
        assertThat(balances.get("274100")).isEqualByComparingTo("12000");
        assertThat(op.get(base + "/operating-expenses").json().path("expenses").get(0).path("reversal").path("reason").asString())
                .isEqualTo("Facture annulée");
    }

    @Test
    void a_subsidised_loan_and_a_direct_financing_granted_are_followed_until_paid_once_R26() {
        String basin = "fin-r26";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        LocalDate signed = today.minusDays(10);
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COOPERATION_CONVENTION_SIGNED, "prj-r26",
                new CooperationConventionSigned(basin, "prj-r26", "2026-026", "cc-prj-r26", signed, "Scierie de l'Avesnois", null,
                        "per-1", null, new Means.SubsidisedLoan("Banque Régionale du Nord", new BigDecimal("30000.00"),
                        new BigDecimal("1.50"), 60), new Means.DirectFinancing("Région Hauts-de-France", new BigDecimal("8000.00")),
                        List.of(), List.of(), List.of(new CooperationConventionSigned.Signatory("SME_HEAD", "Anne", null, signed),
                                new CooperationConventionSigned.Signatory("COMMITTEE_PRESIDENT", "Paul", null, signed)),
                        Instant.now(), "op"), UUID.randomUUID().toString());
        JsonNode granted = await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/granted-support").json().path("items"),
                items -> items.size() == 1).get(0);
        String id = granted.path("supportId").asString();

        ApiClient.Response future = op.post(base + "/granted-support/" + id + "/loan-paid", "{\"paidOn\":\"" + today.plusDays(1) + "\"}");
        expect(200, op.post(base + "/granted-support/" + id + "/loan-paid", "{\"paidOn\":\"" + signed.plusDays(5) + "\"}"));
        ApiClient.Response twice = op.post(base + "/granted-support/" + id + "/loan-paid", "{\"paidOn\":\"" + today + "\"}");
        JsonNode paid = expect(200, op.post(base + "/granted-support/" + id + "/financing-paid", "{\"paidOn\":\"" + today + "\"}"))
                .json();

        assertThat(granted.path("loan").path("amount").decimalValue()).isEqualByComparingTo("30000");
        assertThat(granted.path("financing").path("funder").asString()).isEqualTo("Région Hauts-de-France");
        assertThat(future.status()).isEqualTo(400);
        assertThat(twice.status()).as("a payment is recorded once, never rewritten").isEqualTo(409);
        assertThat(paid.path("loanPaidOn").asString()).isEqualTo(signed.plusDays(5).toString());
        assertThat(paid.path("financingPaidOn").asString()).isEqualTo(today.toString());
        assertThat(op.get(base + "/advances").json().path("totalItems").asInt()).as("no advance was granted").isZero();
    }

    @Test
    void skills_put_at_the_operators_disposal_count_with_its_money_toward_its_cap_R14() {
        String basin = "fin-r14";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String base = "/api/basins/" + basin;
        partnershipConvention(basin);
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(base + "/pledges").json().size() == 1);
        expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-region\",\"account\":\"OPERATING_ACCOUNT\",\"amount\":60000}"));
        expect(201, op.post(base + "/operating-expenses", "{\"category\":\"OPERATOR_REIMBURSEMENT\",\"amount\":7000,"
                + "\"description\":\"semestre\"}"));

        ApiClient.Response cash = op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"account\":\"OPERATING_ACCOUNT\","
                + "\"amount\":100,\"forOperator\":true}");
        ApiClient.Response tooMuch = op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"kind\":\"SKILLS\","
                + "\"amount\":3000.01,\"forOperator\":true,\"description\":\"comptable détaché\"}");
        JsonNode given = expect(201, op.post(base + "/contributions", "{\"partnerId\":\"org-hrs\",\"kind\":\"SKILLS\","
                + "\"amount\":3000,\"forOperator\":true,\"description\":\"comptable détaché\"}")).json();
        ApiClient.Response oneMore = op.post(base + "/operating-expenses", "{\"category\":\"OPERATOR_REIMBURSEMENT\",\"amount\":0.01,"
                + "\"description\":\"frais\"}");

        assertThat(cash.status()).as("money to the operator is an expense, not a contribution").isEqualTo(400);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().path("detail").asString()).contains("défraiement", "7000.00 € déjà remboursés");
        assertThat(given.path("forOperator").asBoolean()).isTrue();
        assertThat(oneMore.status()).as("7 000 € in money and 3 000 € in skills: the 10 000 € are reached").isEqualTo(422);
        assertThat(oneMore.json().path("rule").asString()).isEqualTo("R-14");
    }

    @Test
    void another_basin_nor_astrees_reaches_any_finance_endpoint() {
        String basin = "fin-iso";
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        cooperationConvention(basin, "prj-secret", UUID.randomUUID().toString());
        String id = await().atMost(Duration.ofSeconds(30))
                .until(() -> op.get("/api/basins/" + basin + "/advances").json().path("items"),
                list -> list.size() == 1).get(0).get("advanceId").asString();

        int checked = BasinEndpoints.assertNoneReachable(mappings, Map.of("basinId", basin, "advanceId", id,
                        "supportId", "sup-prj-secret"),
                List.of(ApiClient.on(port).as(TestIssuer.shared().token("x").basin("fin-other", "OPERATOR").sign()),
                        ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign())),
                "Entreprise Secrète");

        assertThat(checked).isGreaterThan(20);
    }

    private ReceivedEvent<?> received(ConsumerRecord<String, byte[]> record) {
        String type = TopicRecords.header(record, "ce_type");
        Object payload = json.readValue(record.value(), FinanceEvents.TYPES.get(type));
        return new ReceivedEvent<>(TopicRecords.header(record, "ce_id"), type, TopicRecords.header(record, "ce_source"),
                TopicRecords.header(record, "ce_subject"), BasinId.of(record.key()),
                Long.parseLong(TopicRecords.header(record, "ce_sequence")), null, payload);
    }

    /** The steering committee's decision as basin-service announces it, that a transfer may cite. */
    private void steeringDecision(String basin, String reference, LocalDate on) {
        publish(basin, BasinEvents.TOPIC, BasinEvents.STEERING_COMMITTEE_DECIDED, reference, new SteeringCommitteeDecided(basin,
                reference, reference, on, "Virement entre les comptes", Instant.now(), "op"), UUID.randomUUID().toString());
    }

    /** Posts a transfer until finance has heard of its approval (refused transfers write nothing, so a retry is safe). */
    private static ApiClient.Response awaitTransfer(ApiClient op, String base, String body,
            java.util.function.Predicate<ApiClient.Response> done) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> op.post(base + "/transfers", body), done);
    }

    /** Debit − credit per account of one entry, to the cent. */
    private static Map<String, BigDecimal> net(JsonNode entry) {
        return entry.path("lines").valueStream().collect(Collectors.toMap(l -> l.path("account").asString(),
                l -> l.path("debit").decimalValue().subtract(l.path("credit").decimalValue()).setScale(2), BigDecimal::add));
    }

    private static Map<String, BigDecimal> balances(ApiClient op, String base) {
        return op.get(base + "/journal/balances").json().valueStream().collect(Collectors.toMap(
                b -> b.get("number").asString(), b -> b.get("balance").decimalValue().setScale(2)));
    }

    /** A signed partnership convention and one project's cooperation convention: the advance finance opens for it. */
    private String openedAdvance(ApiClient op, String basin, String project) {
        partnershipConvention(basin);
        cooperationConvention(basin, project, UUID.randomUUID().toString());
        return await().atMost(Duration.ofSeconds(30)).until(() -> op.get("/api/basins/" + basin + "/advances").json()
                .path("items"), list -> list.size() == 1).get(0).get("advanceId").asString();
    }

    private void partnershipConvention(String basin) {
        int year = today.getYear();
        publish(basin, BasinEvents.TOPIC, BasinEvents.PARTNERSHIP_CONVENTION_SIGNED, "conv", new PartnershipConventionSigned(basin,
                "conv-" + year, 1, null, LocalDate.of(year, 1, 1), LocalDate.of(year + 2, 12, 31), LocalDate.of(year - 1, 12, 1),
                List.of(pledge("org-hrs", "Hainaut Rail Systèmes", "PARTNER_COMPANY", "COMPANIES", "33400.00"),
                        pledge("org-region", "Région", "PUBLIC_FUNDER", "LOCAL_AUTHORITIES", "103500.00")),
                new PartnershipConventionSigned.Objectives(6, 10, 15, 12, 75, 225),
                List.of(new PartnershipConventionSigned.BudgetLine(1, "SPENDING", "OPERATOR_REIMBURSEMENT", new BigDecimal("10000.00"))),
                List.of(new PartnershipConventionSigned.Signatory("a", "PARTNER_COMPANY", LocalDate.of(year - 1, 12, 1)),
                        new PartnershipConventionSigned.Signatory("b", "PARTNER_COMPANY", LocalDate.of(year - 1, 12, 1)),
                        new PartnershipConventionSigned.Signatory("c", "PARTNER_COMPANY", LocalDate.of(year - 1, 12, 1)),
                        new PartnershipConventionSigned.Signatory("d", "PARTNER_COMPANY", LocalDate.of(year - 1, 12, 1))),
                List.of("org-vmd"), LocalDate.of(year - 1, 12, 1), Instant.now(), "op"), UUID.randomUUID().toString());
    }

    private static PartnershipConventionSigned.Pledge pledge(String id, String name, String kind, String category, String cash) {
        BigDecimal amount = new BigDecimal(cash);
        return new PartnershipConventionSigned.Pledge(id, name, kind, category, amount, 0, new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), amount);
    }

    private void cooperationConvention(String basin, String project, String eventId) {
        LocalDate signed = today.minusDays(10);
        List<CooperationConventionSigned.Instalment> calendar = new java.util.ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            calendar.add(new CooperationConventionSigned.Instalment(n, signed.plusMonths(n), new BigDecimal("1000.00")));
        }
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COOPERATION_CONVENTION_SIGNED, project,
                new CooperationConventionSigned(basin, project, "2026-001", "cc-" + project, signed, "Entreprise Secrète", null,
                        "per-1", new CooperationConventionSigned.AdvanceAnnex(new BigDecimal("12000.00"), 12, 0, "MONTHLY", calendar),
                        null, null, List.of(), List.of(), List.of(new CooperationConventionSigned.Signatory("SME_HEAD", "Paul",
                                null, signed), new CooperationConventionSigned.Signatory("OPERATOR", "VMD", "org-vmd", signed)),
                        Instant.now(), "op"), eventId);
    }

    private void publish(String basin, String topic, String type, String subject, Object event, String eventId) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(eventId, topic, type, "/basins/" + basin + "/test/" + subject, subject, basin, 1,
                Instant.now(), payload));
    }

    private static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
