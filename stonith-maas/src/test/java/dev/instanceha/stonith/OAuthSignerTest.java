package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OAuthSignerTest {
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_123L), ZoneOffset.UTC);

    @Test
    void plaintextHeaderAsMaasExpects() throws Exception {
        OAuthSigner signer = new OAuthSigner(ApiKey.parse("cons:tok:s3cr+t/x"), clock);
        String header = signer.header();
        Pattern shape =
                Pattern.compile("OAuth realm=\"\", oauth_version=\"1\\.0\", oauth_signature_method=\"PLAINTEXT\", "
                        + "oauth_consumer_key=\"cons\", oauth_token=\"tok\", oauth_signature=\"%26s3cr%2Bt%2Fx\", "
                        + "oauth_nonce=\"([0-9a-f]{32})\", oauth_timestamp=\"1700000123\"");
        Matcher m = shape.matcher(header);
        assertTrue(m.matches(), header);
        Matcher again = shape.matcher(signer.header());
        assertTrue(again.matches());
        assertNotEquals(m.group(1), again.group(1), "a nonce must not repeat");
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertEquals("a%20b~c%2A%26", OAuthSigner.encode("a b~c*&"));
    }
}
