package jp.kyodo.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm issues the tokens the services rely on: audience kyodo-api, fixed subjects, realm roles. */
@ExtendWith(SystemUnderTest.class)
class KeycloakTokensIT {

    static final String PARTNER1_ID = "a0000000-0000-4000-8000-000000000008";
    static final String PARTNER_SYSTEM_ACCOUNT_ID = "a0000000-0000-4000-8000-000000000011";

    @Test
    void userAndPartnerSystemTokensCarryAudienceSubjectAndRole() {
        JsonNode user = Tokens.claims(SystemUnderTest.tokenFor("partner1"));
        assertEquals(SystemUnderTest.issuerUrl(), user.path("iss").asText());
        assertTrue(Tokens.audiences(user).contains("kyodo-api"), "aud of partner1: " + user.path("aud"));
        assertEquals(PARTNER1_ID, user.path("sub").asText());
        assertEquals("kyodo-cli", user.path("azp").asText());
        assertTrue(Tokens.realmRoles(user).contains("partner"), "roles of partner1: " + Tokens.realmRoles(user));

        JsonNode system = Tokens.claims(SystemUnderTest.clientCredentialsToken());
        assertEquals(SystemUnderTest.issuerUrl(), system.path("iss").asText());
        assertTrue(Tokens.audiences(system).contains("kyodo-api"), "aud of the partner system: " + system.path("aud"));
        assertEquals(PARTNER_SYSTEM_ACCOUNT_ID, system.path("sub").asText());
        assertEquals("kyodo-partner-system", system.path("azp").asText());
        assertEquals(List.of("partner"), Tokens.realmRoles(system));
    }
}
