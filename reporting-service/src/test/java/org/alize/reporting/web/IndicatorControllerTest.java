package org.alize.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.alize.kernel.problem.InvalidInput;
import org.alize.reporting.report.AnnualReports;
import org.alize.reporting.view.IndicatorViews;
import org.alize.reporting.view.NetworkYearView;
import org.alize.tenancy.Grants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The indicators' web layer alone (no database, no broker): its parameters' bounds and the problems it answers, the
 * platform's tenancy and security as every service runs them. The views behind it are a mock.
 */
@WebMvcTest(IndicatorController.class)
class IndicatorControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IndicatorViews views;
    @MockitoBean
    AnnualReports reports;
    @MockitoBean
    JwtDecoder decoder;

    /** The service's clock, fixed: « this year » is 2026 whatever the day the suite runs. */
    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    }

    private static JwtRequestPostProcessor astrees() {
        return jwt().jwt(token -> token.subject("astrees").claim(Grants.NETWORK_ROLES_CLAIM, List.of("NETWORK_ADMIN")));
    }

    private static JwtRequestPostProcessor operatorOf(String basin) {
        return jwt().jwt(token -> token.subject("op").claim(Grants.BASINS_CLAIM, Map.of(basin, List.of("OPERATOR"))));
    }

    private MvcResult call(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("R-42: the network table's page, size and order are bounded; out of bounds is a 400 problem in French, the views untouched")
    void network_parameters_out_of_bounds_are_french_problems_R42() throws Exception {
        for (String query : List.of("size=0", "size=201", "page=-1", "page=10001", "year=1999", "year=2101", "size=abc",
                "sort=" + "x".repeat(65))) {
            MvcResult result = call(get("/api/network/indicators?" + query).with(astrees()));
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).as(query).startsWith("application/problem+json");
            assertThat(body(result)).as(query).contains("\"detail\"").doesNotContain("Exception");
        }
        verifyNoInteractions(views);
    }

    @Test
    @DisplayName("R-42: an unknown order is the views' refusal, answered 400 with the field at fault")
    void an_unknown_order_is_a_field_error_R42() throws Exception {
        when(views.networkYear(anyInt(), anyInt(), anyInt(), eq("nothing")))
                .thenThrow(InvalidInput.field("sort", "Tri inconnu : « nothing »."));

        MvcResult result = call(get("/api/network/indicators?sort=nothing").with(astrees()));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result)).contains("\"sort\"").contains("Tri inconnu");
    }

    @Test
    @DisplayName("R-42: without a year the network's table is this year's in the basins' calendar, first page, 200 rows, by basin")
    void defaults_R42() throws Exception {
        when(views.networkYear(2026, 0, 200, NetworkYearView.BY_BASIN)).thenReturn(new NetworkYearView(2026, 0, null, List.of(),
                List.of(), 0, 200, 0, NetworkYearView.BY_BASIN));

        MvcResult result = call(get("/api/network/indicators").with(astrees()));

        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        verify(views).networkYear(2026, 0, 200, NetworkYearView.BY_BASIN);
    }

    @Test
    @DisplayName("R-42: the network's table is for network roles; a basin's operator gets 403, an anonymous caller 401")
    void network_roles_only_R42() throws Exception {
        assertThat(call(get("/api/network/indicators").with(operatorOf("valenciennois"))).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(call(get("/api/network/indicators")).getResponse().getStatus()).isEqualTo(401);
        verifyNoInteractions(views);
    }

    @Test
    @DisplayName("R-41: another basin's indicators are the same 404 as a basin that does not exist; its name never echoed raw")
    void another_basin_is_not_found_R41() throws Exception {
        MvcResult other = call(get("/api/basins/terres-de-lorraine/indicators").with(operatorOf("valenciennois")));
        MvcResult unknown = call(get("/api/basins/nowhere/indicators").with(operatorOf("valenciennois")));

        assertThat(other.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(other).replace("terres-de-lorraine", "nowhere")).isEqualTo(body(unknown));
        verifyNoInteractions(views);
    }
}
