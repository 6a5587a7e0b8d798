package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void aTokenIs32RandomBytesInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = InvitationToken.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theHashIsSha256OfTheTokenAndAnyStringHashes() {
        String token = InvitationToken.generate();
        assertThat(InvitationToken.hash(token)).hasSize(32).isEqualTo(InvitationToken.hash(token));
        assertThat(InvitationToken.hash(token)).isNotEqualTo(InvitationToken.hash(token + "x"));
        assertThat(InvitationToken.hash("not/a token?")).hasSize(32);
        assertThat(InvitationToken.hash(null)).hasSize(32);
    }
}
