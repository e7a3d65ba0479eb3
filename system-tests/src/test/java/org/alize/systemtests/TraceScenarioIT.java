package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alize.finance.events.FinanceEvents;
import org.alize.localstack.LocalStack;
import org.alize.project.events.ProjectEvents;
import org.alize.systemtests.TraceCollector.Span;
import org.junit.jupiter.api.Test;

/**
 * One cooperation convention signed through the gateway, followed as an operator follows it in Jaeger: a single
 * trace from the gateway's server span to reporting's projection of the events it caused, with every span's parent
 * in the trace — through project-service's request, its outbox (published later by the relay's thread), Kafka,
 * finance-service's consumption, the advance it opens (its own outbox, Kafka again) and reporting's consumers.
 */
class TraceScenarioIT {

    private final LocalStack platform = Platform.get();
    private final TraceCollector traces = Platform.traces();
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    void one_convention_signature_is_one_trace_from_the_gateway_to_reporting() throws Exception {
        URI gateway = platform.serviceUrls().get("gateway");
        // the operator's browser starts a sampled trace with each request (the test stack samples nothing else)
        String projectId = new ValenciennoisDay(gateway, operator.traced(), (call, ms) -> { })
                .signedProject("Traces et Fils SARL", 4000);

        // the relay's span for the signature's event names the project: its trace is the signature's request
        Span relay = await().atMost(Duration.ofSeconds(30)).until(() -> traces.find(span -> projectId.equals(
                span.attributes().get("subject")) && ProjectEvents.COOPERATION_CONVENTION_SIGNED.equals(
                span.attributes().get("event.type"))), found -> !found.isEmpty()).get(0);
        String traceId = relay.traceId();
        // complete once reporting's span of the advance is in and every span but the first has its parent (each service
        // exports on its own, half a second after a span ends)
        List<Span> trace = await().atMost(Duration.ofSeconds(30)).until(() -> traces.trace(traceId),
                spans -> spans.stream().anyMatch(s -> s.service().equals("reporting-service")
                        && s.name().equals("indicators " + FinanceEvents.ADVANCE_OPENED)) && orphans(spans).size() == 1);
        Map<String, Span> byId = trace.stream().collect(Collectors.toMap(Span::spanId, Function.identity(), (a, b) -> a));
        System.out.println("trace " + traceId + " (" + trace.size() + " spans):\n" + tree(trace));

        // the first span is the gateway's, child of the browser's (not exported); every other one has its parent here
        List<Span> first = orphans(trace);
        assertThat(first).as("no span of the trace lost its parent").hasSize(1);
        Span root = first.get(0);
        assertThat(root.service()).as("the trace starts at the public entry").isEqualTo("gateway");
        assertThat(root.kind()).isEqualTo("SERVER");

        // the path, link by link: each span's ancestors, up to the gateway
        Span signature = ancestors(relay, byId).stream().filter(s -> s.kind().equals("SERVER")).findFirst().orElseThrow();
        assertThat(signature.service()).isEqualTo("project-service");
        assertThat(signature.name()).isEqualTo("http post /api/basins/{basinId}/projects/{projectId}/signatures");
        Span forwarded = parentOf(signature, byId);
        assertThat(forwarded.service()).isEqualTo("gateway");
        assertThat(forwarded.kind()).isEqualTo("CLIENT");
        assertThat(ancestors(forwarded, byId)).last().isEqualTo(root);

        Span projectSend = child(relay, trace, "PRODUCER");
        assertThat(projectSend.service()).isEqualTo("project-service");
        Span financeReceives = childNamed(projectSend, trace, "project-intake " + ProjectEvents.COOPERATION_CONVENTION_SIGNED);
        assertThat(financeReceives.service()).isEqualTo("finance-service");
        Span reportingReceivesSignature = childNamed(projectSend, trace, "indicators " + ProjectEvents.COOPERATION_CONVENTION_SIGNED);
        assertThat(reportingReceivesSignature.service()).isEqualTo("reporting-service");

        Span financeRelay = trace.stream().filter(s -> s.service().equals("finance-service")
                && FinanceEvents.ADVANCE_OPENED.equals(s.attributes().get("event.type"))).findFirst().orElseThrow();
        assertThat(ancestors(financeRelay, byId)).as("the advance is opened within finance's consumption")
                .contains(financeReceives);
        Span reportingReceivesAdvance = childNamed(child(financeRelay, trace, "PRODUCER"), trace,
                "indicators " + FinanceEvents.ADVANCE_OPENED);
        assertThat(ancestors(reportingReceivesAdvance, byId)).extracting(Span::service)
                .containsSubsequence("finance-service", "project-service", "gateway");
    }

    /** The spans whose parent is not in the trace. */
    private static List<Span> orphans(List<Span> trace) {
        java.util.Set<String> ids = trace.stream().map(Span::spanId).collect(Collectors.toSet());
        return trace.stream().filter(s -> !ids.contains(s.parentSpanId())).toList();
    }

    /** The trace as Jaeger draws it: each span under its parent, with its service. */
    private static String tree(List<Span> trace) {
        StringBuilder out = new StringBuilder();
        trace.stream().filter(s -> trace.stream().noneMatch(p -> p.spanId().equals(s.parentSpanId())))
                .forEach(s -> draw(s, trace, 0, out));
        return out.toString();
    }

    private static void draw(Span span, List<Span> trace, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(span.service()).append(" ").append(span.kind()).append(" ")
                .append(span.name()).append('\n');
        trace.stream().filter(s -> s.parentSpanId().equals(span.spanId())).forEach(s -> draw(s, trace, depth + 1, out));
    }

    private static Span parentOf(Span span, Map<String, Span> byId) {
        Span parent = byId.get(span.parentSpanId());
        assertThat(parent).as("parent of " + span).isNotNull();
        return parent;
    }

    private static List<Span> ancestors(Span span, Map<String, Span> byId) {
        List<Span> chain = new java.util.ArrayList<>();
        for (Span parent = byId.get(span.parentSpanId()); parent != null; parent = byId.get(parent.parentSpanId())) {
            chain.add(parent);
        }
        return chain;
    }

    private static Span child(Span parent, List<Span> trace, String kind) {
        return trace.stream().filter(s -> s.parentSpanId().equals(parent.spanId()) && s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span under " + parent + " in " + trace));
    }

    private static Span childNamed(Span parent, List<Span> trace, String name) {
        return trace.stream().filter(s -> s.parentSpanId().equals(parent.spanId()) && s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span « " + name + " » under " + parent + " in " + trace));
    }
}
