package org.alize.basin.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alize.kernel.problem.Conflict;
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
 * The basin registry's web layer alone (no database, no broker): what a registration must hold, who may register, and
 * how refusals read. The registry behind it is a mock.
 */
@WebMvcTest(RegistryController.class)
class RegistryControllerTest {

    private static final String VALID = "{\"basinId\": \"sambre-avesnois\", \"name\": \"Sambre-Avesnois\", "
            + "\"region\": \"Hauts-de-France\", \"communes\": [{\"inseeCode\": \"59392\", \"name\": \"Maubeuge\"}]}";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RegistryService registry;
    @MockitoBean
    ActivationCheck activation;
    @MockitoBean
    JwtDecoder decoder;

    private static JwtRequestPostProcessor network(String role) {
        return jwt().jwt(token -> token.subject("astrees").claim(Grants.NETWORK_ROLES_CLAIM, List.of(role)));
    }

    private MvcResult register(String json, JwtRequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/network/basins").with(caller).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("R-01, R-02: a registration without communes, with a bad INSEE code, an id out of form or a reserved one is refused, nothing registered")
    void a_registration_out_of_form_is_refused_R01_R02() throws Exception {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put(VALID.replace("[{\"inseeCode\": \"59392\", \"name\": \"Maubeuge\"}]", "[]"), 400);
        cases.put(VALID.replace("59392", "5939"), 400);
        cases.put(VALID.replace("sambre-avesnois", "Sambre Avesnois"), 400);
        cases.put(VALID.replace("sambre-avesnois", "x".repeat(41)), 400);
        cases.put(VALID.replace("\"Sambre-Avesnois\"", "\"" + "n".repeat(121) + "\""), 400);
        cases.put(VALID.replace("sambre-avesnois", "network"), 422);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            MvcResult result = register(c.getKey(), network("NETWORK_ADMIN"));
            assertThat(result.getResponse().getStatus()).as(c.getKey() + " → " + body(result)).isEqualTo(c.getValue());
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
        assertThat(body(register(VALID.replace("59392", "5939"), network("NETWORK_ADMIN")))).contains("code INSEE invalide");
        verifyNoInteractions(registry);
    }

    @Test
    @DisplayName("R-01: only ASTREES registers a basin; the national committee gets 403, a basin's operator 403, nobody 401")
    void only_astrees_registers_R01() throws Exception {
        JwtRequestPostProcessor operator = jwt().jwt(token -> token.subject("op")
                .claim(Grants.BASINS_CLAIM, Map.of("valenciennois", List.of("OPERATOR"))));
        assertThat(register(VALID, network("NATIONAL_COMMITTEE")).getResponse().getStatus()).isEqualTo(403);
        assertThat(register(VALID, operator).getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/network/basins").contentType(MediaType.APPLICATION_JSON).content(VALID)).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        verifyNoInteractions(registry);
    }

    @Test
    @DisplayName("R-01: a basin id already taken is a 409 in French")
    void an_id_taken_is_a_conflict_R01() throws Exception {
        when(registry.register(any(), any(), anyString())).thenThrow(new Conflict("basin.exists",
                "Le bassin « sambre-avesnois » existe déjà."));

        MvcResult taken = register(VALID, network("NETWORK_ADMIN"));

        assertThat(taken.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(taken)).contains("existe déjà", "basin.exists");
    }
}
