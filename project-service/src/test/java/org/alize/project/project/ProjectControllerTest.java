package org.alize.project.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.basin.BasinFacts;
import org.alize.tenancy.Grants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The projects' web layer alone (no database, no broker): what a body must hold before the domain is asked, who may
 * ask, and how the domain's refusals read (status, problem type, French detail). The service behind it is a mock.
 */
@WebMvcTest(ProjectController.class)
class ProjectControllerTest {

    private static final String PROJECTS = "/api/basins/valenciennois/projects";
    private static final String VALID = """
            {"company": {"name": "Chaudronnerie du Hainaut"}, "head": {"firstName": "Paul", "lastName": "Martin"},
             "beneficiaryType": "EXISTING_SME_DEVELOPMENT", "forecastJobs": 6, "prescriberId": "per-roche"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProjectService projects;
    @MockitoBean
    BasinFacts basin;
    @MockitoBean
    JwtDecoder decoder;

    private static JwtRequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("someone").claim(Grants.BASINS_CLAIM, Map.of("valenciennois", List.of(role))));
    }

    private MvcResult call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult submit(String json, String role) throws Exception {
        return call(post(PROJECTS).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    @DisplayName("R-20, R-21: a submission without its company, head or prescriber, or with absurd jobs, is refused field by field, nothing asked of the domain")
    void a_submission_missing_what_it_needs_is_refused_field_by_field_R20_R21() throws Exception {
        Map<String, String> cases = Map.of(
                "company", VALID.replace("\"company\": {\"name\": \"Chaudronnerie du Hainaut\"}, ", ""),
                "prescriberId", VALID.replace(", \"prescriberId\": \"per-roche\"", ""),
                "forecastJobs", VALID.replace("\"forecastJobs\": 6", "\"forecastJobs\": 1001"),
                "forecastJobs (a fraction)", VALID.replace("\"forecastJobs\": 6", "\"forecastJobs\": 3.5"),
                "forecastJobs (twice)", VALID.replace("\"forecastJobs\": 6", "\"forecastJobs\": 6, \"forecastJobs\": 60"),
                "beneficiaryType", VALID.replace("EXISTING_SME_DEVELOPMENT", "NOT_A_TYPE"),
                "malformed", VALID.substring(0, 40));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MvcResult result = submit(c.getValue(), "OPERATOR");
            assertThat(result.getResponse().getStatus()).as(c.getKey() + ": " + body(result)).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(body(result)).as(c.getKey()).contains("\"detail\"").doesNotContain("Exception", "tools.jackson");
        }
        MvcResult fields = submit(VALID.replace(", \"prescriberId\": \"per-roche\"", ""), "OPERATOR");
        assertThat(body(fields)).contains("\"field\":\"prescriberId\"");
        verifyNoInteractions(projects);
    }

    @Test
    @DisplayName("R-20: only the operator or a member of the committee submits; a partner gets 403, another basin's member 404")
    void who_may_submit_R20() throws Exception {
        assertThat(submit(VALID, "PARTNER").getResponse().getStatus()).isEqualTo(403);
        MvcResult elsewhere = call(post("/api/basins/terres-de-lorraine/projects").with(as("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID));
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(404);
        verifyNoInteractions(projects);
    }

    @Test
    @DisplayName("R-22, R-23: the domain's refusals read as 422 with their rule, 409 for a state, 404 for an unknown id — in French")
    void the_domains_refusals_are_mapped_R22_R23() throws Exception {
        when(projects.submit(any(), eq("per-roche"), any(), anyString())).thenThrow(new RuleViolation("R-22",
                "Le prescripteur est un membre du comité d'agrément à la date du dépôt."));
        when(projects.get("prj-unknown")).thenThrow(new NotFound("project.not-found", "Aucun projet « prj-unknown »."));
        when(projects.markReady(eq("prj-decided"), any(), anyString())).thenThrow(new Conflict("project.transition",
                "Impossible de marquer prêt ce projet : il est agréé."));

        MvcResult rule = submit(VALID, "OPERATOR");
        MvcResult unknown = call(get(PROJECTS + "/prj-unknown").with(as("OPERATOR")));
        MvcResult state = call(post(PROJECTS + "/prj-decided/mark-ready").with(as("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\": \"2026-03-01\"}"));

        assertThat(rule.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(rule)).contains("R-22", "prescripteur");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(unknown)).contains("project.not-found");
        assertThat(state.getResponse().getStatus()).as(body(state)).isEqualTo(409);
        assertThat(body(state)).contains("agréé");
    }

    @Test
    @DisplayName("R-41: a list's page size is bounded")
    void list_bounds_R41() throws Exception {
        assertThat(call(get(PROJECTS + "?size=101").with(as("OPERATOR"))).getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get(PROJECTS + "?page=-1").with(as("OPERATOR"))).getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get(PROJECTS + "?status=NOT_A_STATUS").with(as("OPERATOR"))).getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(projects);
    }
}
