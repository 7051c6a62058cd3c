package dev.instanceha.hostmonitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How the notifications URL follows from the catalog's Masakari URL (Keystone's URL: ops-client's KeystoneClientTest). */
class EndpointTest {

    @Test
    void masakariNotificationsUrlFromCatalogForms() {
        assertEquals(
                URI.create("http://m:15868/v1/abc/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m:15868/v1/abc"), "v1"));
        assertEquals(
                URI.create("http://m/instance-ha/v1/abc/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m/instance-ha/v1/abc/"), "v1"));
        assertEquals(
                URI.create("http://m:15868/v1/notifications"),
                MasakariClient.notificationsUri(URI.create("http://m:15868"), "v1"));
    }
}
