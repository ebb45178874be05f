package dev.cairn.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationConverter;

class ApiTokenSecretsTest {

    @Test
    void aSecretIs256RandomBitsBehindTheScannersPrefixAndItsHashIsSha256() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = ApiTokenSecrets.newSecret();
            assertThat(secret).startsWith("cairn_pat_").matches("cairn_pat_[A-Za-z0-9_-]{43}");
            assertThat(ApiTokenSecrets.looksLikeToken(secret)).isTrue();
            assertThat(seen.add(secret)).isTrue();
        }
        assertThat(ApiTokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiTokenSecrets.looksLikeToken("cairn_pat_short")).isFalse();
    }

    @Test
    void springSecuritysBearerResolverReadsACairnSecretFromTheAuthorizationHeader() {
        String secret = ApiTokenSecrets.newSecret();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/projects");
        request.addHeader("Authorization", "Bearer " + secret);
        var token = (BearerTokenAuthenticationToken) new BearerTokenAuthenticationConverter().convert(request);
        assertThat(token.getToken()).isEqualTo(secret);
    }
}
