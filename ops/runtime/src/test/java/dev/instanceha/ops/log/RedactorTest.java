package dev.instanceha.ops.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password=hunter22",
                "service_password: hunter22",
                "\"password\": \"hunter22\"",
                "pacemaker-key=hunter22",
                "maas_api_key = hunter22",
                "admin_token=hunter22",
                "ssl_key='hunter22'",
                "transport_url = rabbit://masakari:hunter22@10.0.0.5:5672/masakari",
                "secret=hunter22,other=1",
                "{\"service_password\":\"hunter22\",\"x\":1}",
                "sslKey=hunter22",
                "db-pass=hunter22",
                "authkey: hunter22",
                "api-key=hunter22",
                "ssl_key_b64=hunter22",
                "password=\"hun\\\"ter22\"",
                "PASSWORD=hunter22",
                "password:\n hunter22",
                "maas_credentials: hunter22:hunter22:hunter22",
                "token=hunter22&next=1",
                "password: keystone/0",
                "password=\"hunter22",
                "private_key='hunter22",
                "passphrase = hunter22"
            })
    void secretValuesAreMasked(String line) {
        String out = redactor.redact(line);
        assertFalse(out.contains("hunter22"), out);
        assertTrue(out.contains(Redactor.MASK), out);
    }

    @Test
    void keepsTheRestOfTheLine() {
        assertEquals(
                "user=masakari password=*** host=10.0.0.5",
                redactor.redact("user=masakari password=hunter22 host=10.0.0.5"));
        assertEquals(
                "{\"password\": \"***\", \"hostname\": \"db\"}",
                redactor.redact("{\"password\": \"hunter22\", \"hostname\": \"db\"}"));
        assertEquals("ssl_key='***' next", redactor.redact("ssl_key='hunter22' next"));
        assertEquals("region=RegionOne", redactor.redact("region=RegionOne"));
    }

    @Test
    void everyPasswordOfAMultiHostTransportUrl() {
        String url = "transport_url = rabbit://masakari:pw-one@10.0.0.5:5672,masakari:pw-two@10.0.0.6:5672/openstack";
        assertEquals(
                "transport_url = rabbit://masakari:***@10.0.0.5:5672,masakari:***@10.0.0.6:5672/openstack",
                redactor.redact(url));
        assertEquals(
                "see mysql+pymysql://masakari:***@db/masakari?charset=utf8 now",
                redactor.redact("see mysql+pymysql://masakari:S3cr3t%40x@db/masakari?charset=utf8 now"));
        assertEquals("https://keystone.example:5000/v3", redactor.redact("https://keystone.example:5000/v3"));
    }

    @Test
    void registeredSecretsAreMaskedAnywhere() {
        redactor.registerSecret("Zm9vYmFyYmF6");
        assertEquals("reading *** from relation", redactor.redact("reading Zm9vYmFyYmF6 from relation"));
        assertEquals("***", redactor.redact("Zm9vYmFyYmF6"), "the whole text");
        assertEquals("*** and ***", redactor.redact("Zm9vYmFyYmF6 and Zm9vYmFyYmF6"), "both text boundaries");
        assertEquals("x***y", redactor.redact("xZm9vYmFyYmF6y"), "inside a word");
        redactor.registerSecret("ab");
        assertEquals("ab cd", redactor.redact("ab cd"), "too short to mask safely");
    }

    @Test
    void overlappingAndNestedSecretsLeaveNoPieceBehind() {
        redactor.registerSecret("abcdef");
        redactor.registerSecret("defghi");
        redactor.registerSecret("cdefgh12");
        redactor.registerSecret("zzzz");
        assertEquals("[***]", redactor.redact("[abcdefghi]"));
        assertEquals("[***]", redactor.redact("[abcdefgh12]"));
        assertEquals("***", redactor.redact("zzzzzzzzzz"), "a secret overlapping itself");
        assertEquals("-***-***-", redactor.redact("-defghi-abcdef-"));
    }

    @Test
    void secretsContainedInOthersAndSharingPrefixes() {
        redactor.registerSecret("secretvalue");
        redactor.registerSecret("value");
        redactor.registerSecret("secretvalue-longer");
        assertEquals("a *** b *** c ***", redactor.redact("a secretvalue b value c secretvalue-longer"));
    }

    @Test
    void registeredSecretsAlsoInJsonAndUrlEscapedForm() {
        redactor.registerSecret("p\"w/ x");
        assertFalse(redactor.redact("{\"data\":\"p\\\"w/ x\"}").contains("w/ x"));
        assertFalse(redactor.redact("amqp://u:p%22w%2F+x@h").contains("w%2F"));
        assertFalse(redactor.redact("q=p%22w%2F%20x").contains("w%2F"));
    }

    @Test
    void aSecretInsideALongValueIsMasked() {
        redactor.registerSecret("N0tInTheLog");
        String longValue = "A".repeat(50_000) + "N0tInTheLog" + "B".repeat(50_000);
        String out = redactor.redact("config 'ssl_ca' is not valid, not '" + longValue + "'");
        assertFalse(out.contains("N0tInTheLog"));
        assertEquals(100_000 + "config 'ssl_ca' is not valid, not ''".length() + 3, out.length());
        String kv = redactor.redact("x=1 password=" + "Q".repeat(200_000) + " y=2");
        assertEquals("x=1 password=*** y=2", kv);
    }

    @Test
    void keyValueFormsInJsonWithNestedQuotes() {
        assertEquals(
                "{\"auth\": {\"password\": \"***\", \"user\": \"admin\"}}",
                redactor.redact("{\"auth\": {\"password\": \"a\\\"b,c}\", \"user\": \"admin\"}}"));
        assertEquals("{\"token\":\"***\"}", redactor.redact("{\"token\":\"gAAAAA-x_y\"}"));
    }

    @Test
    void leavesAloneWhatOnlyLooksLikeASecret() {
        String trace = "\tat dev.instanceha.masakari.KeystoneToken.read(KeystoneToken.java:42)\n"
                + "\tat dev.instanceha.ops.SecretStore.load(SecretStore.java:7)";
        assertEquals(trace, redactor.redact(trace));
        String cause = "Caused by: java.security.InvalidKeyException: Illegal key size; KeyStoreError: bad";
        assertEquals(cause, redactor.redact(cause));
        String hint = "config 'maas_credentials' must be a MAAS API key consumer_key:token_key:token_secret";
        assertEquals(hint, redactor.redact(hint));
        String unit = "identity-credentials: keystone/0 missing credentials_username";
        assertEquals(unit, redactor.redact(unit));
        assertEquals(
                "set it: juju config app password=<password>",
                redactor.redact("set it: juju config app password=<password>"));
        assertEquals("keystone-host=10.0.0.1 monkey=3", redactor.redact("keystone-host=10.0.0.1 monkey=3"));
        assertEquals("service=https://keystone:5000/v3", redactor.redact("service=https://keystone:5000/v3"));
    }

    @Test
    void theExemptionsDoNotLetRealSecretsThrough() {
        // Near misses of each exemption are still masked.
        assertFalse(redactor.redact("KeystoneToken.java:42abc").contains("42abc"), "not a line number");
        assertFalse(redactor.redact("token: 42").contains("42"), "a token that is all digits");
        assertFalse(redactor.redact("maas_credentials=AbC1:dEf2:gHi3").contains("AbC1"));
        assertFalse(redactor.redact("maas_credentials: abc:def:ghi").contains("abc:def"), "not key names");
        assertFalse(redactor.redact("password: keystone/0 missing").contains("keystone/0"), "a password");
        assertFalse(redactor.redact("service_token: app/1 x").contains("app/1"));
        assertFalse(redactor.redact("password=<Hunter22>").contains("Hunter22"), "not a placeholder word");
        assertFalse(redactor.redact("SecretException:Hunter22").contains("Hunter22"), "not a message");
        assertFalse(redactor.redact("PasswordError: Hunter22").contains("Hunter22"), "a password's class");
        assertFalse(
                redactor.redact("x InvalidKeyException: y password=Hunter22").contains("Hunter22"));
        // A registered secret is masked even where it looks like one of the exempt shapes.
        redactor.registerSecret("keystone/0");
        assertFalse(redactor.redact("identity-credentials: keystone/0 missing").contains("keystone/0"));
    }

    @Test
    void noRegisteredSecretSurvivesRandomOverlaps() {
        // A small alphabet makes secrets overlap, nest and repeat in every way; the mask has none of it.
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 300; round++) {
            Redactor fresh = new Redactor();
            java.util.List<String> secrets = new java.util.ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(6); s++) {
                String secret = randomText(random, 4 + random.nextInt(5));
                secrets.add(secret);
                fresh.registerSecret(secret);
            }
            StringBuilder text = new StringBuilder();
            while (text.length() < 200) {
                text.append(random.nextBoolean() ? secrets.get(random.nextInt(secrets.size())) : randomText(random, 3));
            }
            String out = fresh.redact(text.toString());
            for (String secret : secrets) {
                assertFalse(out.contains(secret), "round " + round + ": " + secret + " in " + out);
            }
            for (int i = 0; i < out.length(); i++) {
                assertTrue("abc*".indexOf(out.charAt(i)) >= 0, "nothing but text and masks: " + out);
            }
        }
    }

    private static String randomText(java.util.Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(3)));
        }
        return out.toString();
    }

    @Test
    void megabyteInputsOfEveryShapeAreHandledWhole() {
        // Shapes that once recursed (repeated regex groups) or rescanned; correctness only, no timing.
        assertEquals("consumer_key:***", redactor.redact("consumer_key:" + "token_key:".repeat(100_000)));
        String quotes = redactor.redact("password=\"".repeat(100_000));
        assertFalse(quotes.contains("password=\"password"), quotes.substring(0, 80));
        String urls = redactor.redact("rabbit://u:pw@h,".repeat(60_000));
        assertFalse(urls.contains(":pw@"));
        String trace = "\tat a.B.c(B.java:12)\n".repeat(40_000);
        assertEquals(trace, redactor.redact(trace));
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        redactor.registerSecret("Zm9vYmFyYmF6");
        String once = redactor.redact("a password=x Zm9vYmFyYmF6 rabbit://u:p@h {\"token\": \"t\"}");
        assertEquals(once, redactor.redact(once));
    }

    @Test
    void secretKeyNames() {
        assertTrue(Redactor.isSecretKey("password"));
        assertTrue(Redactor.isSecretKey("maas-api-key"));
        assertTrue(Redactor.isSecretKey("pacemaker-key"));
        assertTrue(Redactor.isSecretKey("ssl_key"));
        assertTrue(Redactor.isSecretKey("service_password"));
        assertTrue(Redactor.isSecretKey("corosync_key"));
        assertTrue(Redactor.isSecretKey("maas_credentials"));
        assertTrue(Redactor.isSecretKey("sslKey"));
        assertTrue(Redactor.isSecretKey("authkey"));
        assertFalse(Redactor.isSecretKey("region"));
        assertFalse(Redactor.isSecretKey("keystone-host"));
        assertFalse(Redactor.isSecretKey("monkey-business"));
        assertFalse(Redactor.isSecretKey("keyring"));
    }
}
