package org.alize.finance.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.alize.kernel.problem.RuleViolation;
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

/**
 * The accounts' web layer alone (no database, no broker): what a money command must hold before the domain is asked,
 * who may send it, and how the domain's refusals read. The service behind it is a mock.
 */
@WebMvcTest({AccountController.class, TreasuryBusyAdvice.class})
class AccountControllerTest {

    private static final String CONTRIBUTIONS = "/api/basins/valenciennois/contributions";
    private static final String VALID = "{\"partnerId\": \"org-hrs\", \"kind\": \"CASH\", \"account\": \"ADVANCE_FUND\", "
            + "\"amount\": 25000.00, \"on\": \"2026-03-02\"}";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountService accounts;
    @MockitoBean
    JwtDecoder decoder;

    private static JwtRequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("someone").claim(Grants.BASINS_CLAIM, Map.of("valenciennois", List.of(role))));
    }

    private MvcResult contribute(String json, String role) throws Exception {
        return mvc.perform(post(CONTRIBUTIONS).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("R-04: a contribution without its partner or amount, of an absurd amount or an unknown kind, is refused before the domain")
    void a_contribution_that_cannot_be_read_is_refused_R04() throws Exception {
        Map<String, String> cases = Map.of(
                "partnerId", VALID.replace("\"partnerId\": \"org-hrs\", ", ""),
                "amount", VALID.replace("\"amount\": 25000.00, ", ""),
                "amount 1e308", VALID.replace("25000.00", "1e308"),
                "amount as text", VALID.replace("25000.00", "\"beaucoup\""),
                "kind", VALID.replace("\"CASH\"", "\"GOLD\""),
                "date", VALID.replace("2026-03-02", "2026-02-30"),
                "description", VALID.replace("}", ", \"description\": \"" + "x".repeat(501) + "\"}"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MvcResult result = contribute(c.getValue(), "OPERATOR");
            assertThat(result.getResponse().getStatus()).as(c.getKey() + ": " + body(result)).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(body(result)).as(c.getKey()).contains("\"detail\"").doesNotContain("Exception");
        }
        verifyNoInteractions(accounts);
    }

    @Test
    @DisplayName("R-03: only the operator records money; a committee member gets 403, another basin's operator 404")
    void only_the_operator_records_money_R03() throws Exception {
        assertThat(contribute(VALID, "COMMITTEE_MEMBER").getResponse().getStatus()).isEqualTo(403);
        MvcResult elsewhere = mvc.perform(post("/api/basins/terres-de-lorraine/contributions").with(as("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID)).andReturn();
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(404);
        verifyNoInteractions(accounts);
    }

    @Test
    @DisplayName("R-04: a reversal the fund cannot afford is a 422 naming R-04; a treasury busy elsewhere a 503 to retry on the same key")
    void the_domains_refusals_are_mapped_R04() throws Exception {
        when(accounts.reverseContribution(eq("ctb-spent"), any(), anyString(), anyString()))
                .thenThrow(new RuleViolation("R-04", "Le fonds d'avances n'a plus ces 25 000,00 € : la contre-passation le "
                        + "mettrait sous zéro."));
        when(accounts.reverseContribution(eq("ctb-busy"), any(), anyString(), anyString()))
                .thenThrow(new Treasury.Busy("lease held"));
        when(accounts.contribute(anyString(), any(), any(), any(), any(), any(), anyBoolean(), anyString()))
                .thenThrow(new IllegalStateException("never shown"));

        MvcResult refused = mvc.perform(post(CONTRIBUTIONS + "/ctb-spent/reverse").with(as("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Saisie en double\"}")).andReturn();
        MvcResult busy = mvc.perform(post(CONTRIBUTIONS + "/ctb-busy/reverse").with(as("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Saisie en double\"}")).andReturn();
        MvcResult failure = contribute(VALID, "OPERATOR");

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("R-04", "sous zéro");
        assertThat(busy.getResponse().getStatus()).isEqualTo(503);
        assertThat(busy.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(body(busy)).contains("treasury.busy");
        assertThat(failure.getResponse().getStatus()).as("an unexpected failure is a 500 problem that tells nothing")
                .isEqualTo(500);
        assertThat(body(failure)).doesNotContain("never shown", "IllegalState");
    }
}
