package dev.instanceha.ops.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.ops.client.KeystoneCredentials.Ref;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeystoneClientTest {
    private final FakeKeystone keystone = startKeystone();
    private final KeystoneClient client = new KeystoneClient(HttpClient.newHttpClient(), Duration.ofSeconds(5));

    private static FakeKeystone startKeystone() {
        try {
            return new FakeKeystone();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        keystone.close();
    }

    private KeystoneCredentials credentials(String password) {
        return new KeystoneCredentials(
                keystone.authUrl(),
                Ref.byName("masakari", Ref.domainNamed("service_domain")),
                password,
                Ref.byName("services", Ref.DEFAULT_DOMAIN));
    }

    @Test
    void keystoneTokensUrlWithOrWithoutVersion() {
        assertEquals(URI.create("http://k:5000/v3/auth/tokens"), KeystoneClient.tokensUri("http://k:5000"));
        assertEquals(URI.create("http://k:5000/v3/auth/tokens"), KeystoneClient.tokensUri("http://k:5000/v3/"));
        assertEquals(URI.create("https://k/identity/v3/auth/tokens"), KeystoneClient.tokensUri("https://k/identity"));
    }

    @Test
    void passwordLoginScopedToAProjectGivesTokenExpiryProjectAndCatalog() {
        KeystoneToken token = client.login(credentials(FakeKeystone.PASSWORD));
        assertEquals("tok-1", token.id());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), token.expiresAt());
        assertEquals(FakeKeystone.PROJECT_ID, token.projectId());
        JsonNode auth = keystone.logins.get(0).path("auth");
        assertEquals("password", auth.at("/identity/methods/0").asText());
        assertEquals("masakari", auth.at("/identity/password/user/name").asText());
        assertEquals(
                "service_domain", auth.at("/identity/password/user/domain/name").asText());
        assertEquals("services", auth.at("/scope/project/name").asText());
        assertEquals("default", auth.at("/scope/project/domain/id").asText());
    }

    @Test
    void idsAreSentAsIdsWithoutDomains() {
        client.login(
                new KeystoneCredentials(keystone.authUrl(), Ref.byId("u-1"), FakeKeystone.PASSWORD, Ref.byId("p-1")));
        JsonNode auth = keystone.logins.get(0).path("auth");
        assertEquals("u-1", auth.at("/identity/password/user/id").asText());
        assertTrue(auth.at("/identity/password/user/domain").isMissingNode());
        assertEquals("p-1", auth.at("/scope/project/id").asText());
    }

    @Test
    void catalogLookupByTypeInterfaceAndRegion() {
        KeystoneToken token = client.login(credentials(FakeKeystone.PASSWORD));
        assertEquals(
                Optional.of(URI.create("http://m1/v1/" + FakeKeystone.PROJECT_ID)),
                token.endpoint("instance-ha", "public", "RegionOne"));
        assertEquals(
                Optional.of(URI.create("http://m2/v1/" + FakeKeystone.PROJECT_ID)),
                token.endpoint("instance-ha", "publicURL", "RegionTwo"),
                "keystoneauth's spelling, region_id");
        assertEquals(
                Optional.of(URI.create("http://m1-int/v1/" + FakeKeystone.PROJECT_ID)),
                token.endpoint("instance-ha", "internal", "RegionOne"),
                "the older region field");
        assertEquals(
                Optional.of(URI.create("http://m1/v1/" + FakeKeystone.PROJECT_ID)),
                token.endpoint("instance-ha", "public", ""),
                "no region: the first");
        assertEquals(Optional.empty(), token.endpoint("instance-ha", "admin", "RegionOne"));
        assertEquals(
                Optional.of(URI.create("http://m2-adm/v1/" + FakeKeystone.PROJECT_ID)),
                token.endpoint("instance-ha", "admin", null),
                "a template keystone left in is filled with the project");
        assertEquals(Optional.empty(), token.endpoint("compute", "public", "RegionOne"));
    }

    @Test
    void aRefusedLoginNamesStatusAndUrlButNeverThePassword() {
        ApiException e = assertThrows(ApiException.class, () -> client.login(credentials("wrong-Pa55word")));
        assertEquals(401, e.status());
        assertEquals("POST", e.method());
        assertTrue(e.getMessage().contains("/identity/v3/auth/tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("requires authentication"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-Pa55word"), e.getMessage());
        assertFalse(credentials(FakeKeystone.PASSWORD).toString().contains(FakeKeystone.PASSWORD));
        assertFalse(client.login(credentials(FakeKeystone.PASSWORD)).toString().contains("tok-"));
    }

    @Test
    void anUnreachableKeystoneIsStatusZero() {
        keystone.close();
        ApiException e = assertThrows(ApiException.class, () -> client.login(credentials(FakeKeystone.PASSWORD)));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void theCachedTokenIsReusedUntilAMinuteBeforeExpiryOrUntilInvalidated() {
        keystone.expiresAt = Instant.parse("2030-01-01T01:00:00Z");
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        CachedToken cache = new CachedToken(client, credentials(FakeKeystone.PASSWORD), clock);
        KeystoneToken first = cache.get();
        clock.now = Instant.parse("2030-01-01T00:58:59Z");
        assertSame(first, cache.get());
        assertEquals(1, keystone.logins.size());
        clock.now = Instant.parse("2030-01-01T00:59:01Z");
        KeystoneToken renewed = cache.get();
        assertNotEquals(first.id(), renewed.id());
        cache.invalidate();
        assertNotEquals(renewed.id(), cache.get().id());
        assertEquals(3, keystone.logins.size());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
