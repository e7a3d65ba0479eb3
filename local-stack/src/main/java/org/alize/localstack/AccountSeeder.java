package org.alize.localstack;

import java.net.URI;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo logins of DEMO.md, opened as a person would get them: ASTREES creates the account with its
 * grants through identity-service's API, and the invitation link it answers with is used to choose the
 * demo password. Runs before the basins are seeded, so that the committee appointments basin-service then
 * publishes land on these accounts (matched by e-mail) instead of opening new ones.
 */
final class AccountSeeder implements Seeder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public void seed(SeedContext context) throws Exception {
        URI identity = context.service(Services.IDENTITY);
        for (DemoLogins.Login login : DemoLogins.ALL) {
            String body = JSON.writeValueAsString(Map.of("login", login.login(), "displayName", login.displayName(),
                    "email", login.email(), "networkRoles", login.networkRoles(), "basins", login.basins()));
            JsonNode account = context.json("POST", identity.resolve("/api/network/users"), context.token(), body);
            String link = account.path("invitationUrl").asString();
            String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
            context.send("POST", identity.resolve("/api/invitations/accept"), context.token(),
                    JSON.writeValueAsString(Map.of("token", java.net.URLDecoder.decode(token,
                            java.nio.charset.StandardCharsets.UTF_8), "password", DemoLogins.PASSWORD)));
        }
    }
}
