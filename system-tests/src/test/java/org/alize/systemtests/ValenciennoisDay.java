package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alize.kernel.BasinCalendar;

/**
 * An ordinary day of the demo Valenciennois' operator, through the API: a new project taken from submission
 * to a signed convention with an advance (diagnosis, session, attendance, decision, signatures). Each call
 * and its time in milliseconds go to {@code timings}, so that a scenario can weigh the day under load.
 */
final class ValenciennoisDay {

    private final URI projects;
    private final PlatformClient operator;
    private final ObjLongConsumer<String> timings;
    private final Duration thinkTime;

    ValenciennoisDay(URI projectService, PlatformClient operator, ObjLongConsumer<String> timings) {
        this(projectService, operator, timings, Duration.ZERO);
    }

    /** @param thinkTime what the operator takes between two calls (reading the page, typing the next form) */
    ValenciennoisDay(URI projectService, PlatformClient operator, ObjLongConsumer<String> timings, Duration thinkTime) {
        this.projects = URI.create(projectService + "/api/basins/valenciennois");
        this.operator = operator;
        this.timings = timings;
        this.thinkTime = thinkTime;
    }

    /** Takes a new project of the demo basin to its signed convention with an advance of {@code amount} over 6 months. */
    String signedProject(String company, int amount) throws Exception {
        Map<String, String> members = new HashMap<>();
        Matcher m = Pattern.compile("\"personId\":\"([^\"]+)\",\"name\":\"([^\"]+)\"").matcher(
                get(URI.create(projects + "/committee")).body());
        while (m.find()) {
            members.put(m.group(2), m.group(1));
        }
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);
        String projectId = field(expect(201, post(URI.create(projects + "/projects"), """
                {"company":{"name":"%s"},"head":{"firstName":"Jean","lastName":"Scénario"},
                 "beneficiaryType":"BUSINESS_TAKEOVER","forecastJobs":2,"prescriberId":"%s"}
                """.formatted(company, members.get("Nadia Dubois")))), "projectId");
        expect(200, post(URI.create(projects + "/projects/" + projectId + "/start-diagnosis"), "{}"));
        expect(200, post(URI.create(projects + "/projects/" + projectId + "/diagnosis"), """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Reprise saine","scores":{"quality":4,"holderCapacity":4,"territorialImpact":3}}
                """.formatted(today)));
        expect(200, post(URI.create(projects + "/projects/" + projectId + "/mark-ready"), "{}"));
        String session = field(expect(201, post(URI.create(projects + "/sessions"),
                "{\"scheduledOn\":\"" + today + "\"}")), "sessionId");
        expect(200, post(URI.create(projects + "/sessions/" + session + "/agenda"), "{\"projectId\":\"" + projectId + "\"}"));
        expect(200, post(URI.create(projects + "/sessions/" + session + "/attendance"), """
                {"present":["%s","%s","%s","%s"]}
                """.formatted(members.get("Isabelle Roche"), members.get("Thomas Lefèvre"), members.get("Nadia Dubois"),
                members.get("Olivier Leroy"))));
        expect(200, post(URI.create(projects + "/sessions/" + session + "/decisions"), """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Reprise à consolider","mandataryId":"%s",
                 "means":{"advance":{"amount":%d,"durationMonths":6,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(projectId, members.get("Olivier Leroy"), amount)));
        Matcher keys = Pattern.compile("\"key\":\"([A-Z_]+)\",\"role\":\"[A-Z_]+\",\"party\":\"([^\"]+)\"").matcher(
                get(URI.create(projects + "/projects/" + projectId + "/convention")).body());
        while (keys.find()) {
            post(URI.create(projects + "/projects/" + projectId + "/signatures"),
                    "{\"key\":\"" + keys.group(1) + "\",\"signatory\":\"" + keys.group(2) + "\",\"signedOn\":\"" + today + "\"}");
        }
        assertThat(get(URI.create(projects + "/projects/" + projectId)).body()).contains("\"status\":\"CONVENTION_SIGNED\"");
        return projectId;
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = operator.get(uri);
        timings.accept("GET " + uri.getPath(), (System.nanoTime() - start) / 1_000_000);
        think();
        return response;
    }

    HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = operator.post(uri, json);
        timings.accept("POST " + uri.getPath(), (System.nanoTime() - start) / 1_000_000);
        think();
        return response;
    }

    /** The operator's pace: the next call starts {@code thinkTime} after this one ended (a simulated user, not a wait). */
    private void think() {
        long until = System.nanoTime() + thinkTime.toNanos();
        for (long left = thinkTime.toNanos(); left > 0; left = until - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
