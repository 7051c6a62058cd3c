package dev.instanceha.hostmonitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void keystoneTokensUrlWithOrWithoutVersion() {
        assertEquals(URI.create("http://k:5000/v3/auth/tokens"), KeystoneAuthenticator.tokensUri("http://k:5000"));
        assertEquals(URI.create("http://k:5000/v3/auth/tokens"), KeystoneAuthenticator.tokensUri("http://k:5000/v3/"));
        assertEquals(URI.create("https://k/identity/v3/auth/tokens"), KeystoneAuthenticator.tokensUri("https://k/identity"));
    }

    @Test
    void masakariNotificationsUrlFromCatalogForms() {
        assertEquals(URI.create("http://m:15868/v1/abc/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m:15868/v1/abc"), "v1"));
        assertEquals(URI.create("http://m/instance-ha/v1/abc/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m/instance-ha/v1/abc/"), "v1"));
        assertEquals(URI.create("http://m:15868/v1/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m:15868"), "v1"));
    }
}
