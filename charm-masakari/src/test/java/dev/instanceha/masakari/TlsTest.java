package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.interfaces.tls.TlsFixtures;
import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS from the certificates relation or config: bad material never turns TLS off or replaces good material. */
class TlsTest {
    static final String PROCESSED = "masakari_0.processed_requests";
    static final String HTTPS_URL = "https://10.5.0.40:15868/v1/%(tenant_id)s";
    final CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, MasakariCharmTest.CHARM);

    static Map<String, String> vault(String ca, String cert, String key) throws Exception {
        Map<String, String> bag = new TreeMap<>(RelationState.addressKeys("10.5.0.50"));
        bag.put("ca", ca);
        bag.put("chain", ca);
        bag.put(
                PROCESSED,
                new ObjectMapper().writeValueAsString(Map.of("10.5.0.40", Map.of("cert", cert, "key", key))));
        return bag;
    }

    static State withVault(Map<String, String> data) {
        return MasakariCharmTest.related(true)
                .withRelation(RelationState.of("certificates", 30, "vault").withRemoteUnit("vault/0", data));
    }

    static Stream<Arguments> badAnswers() throws Exception {
        Map<String, String> good = vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.RSA_KEY);
        Map<String, String> noCa = new TreeMap<>(good);
        noCa.remove("ca");
        return Stream.of(
                Arguments.of(
                        "bad JSON",
                        with(good, PROCESSED, "{\"10.5.0.40\": {\"cert\": "),
                        "'" + PROCESSED + "' is not valid JSON"),
                Arguments.of(
                        "junk key between PEM markers",
                        vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.JUNK_KEY),
                        "'key' is not a PEM private key"),
                Arguments.of(
                        "key of another certificate",
                        vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.OTHER_RSA_KEY),
                        "'key' does not belong to the certificate"),
                Arguments.of(
                        "junk certificate",
                        vault(TlsFixtures.CA, TlsFixtures.JUNK_CERT, TlsFixtures.RSA_KEY),
                        "'cert' is not a PEM X.509 certificate"),
                Arguments.of("missing CA", noCa, "missing 'ca'"),
                Arguments.of("junk CA", with(good, "ca", TlsFixtures.JUNK_CERT), "'ca' is not a PEM X.509 certificate"),
                Arguments.of("not an object", with(good, PROCESSED, "[]"), "is not a JSON object"),
                Arguments.of("no entry for our CN", with(good, PROCESSED, "{}"), "has no certificate for 10.5.0.40"));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> out = new TreeMap<>(base);
        out.put(key, value);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void badAnswerKeepsTheCertificateInUseAndBlocksNamingTheKey(String kind, Map<String, String> bad, String expected)
            throws Exception {
        FakeHost host = MasakariCharmTest.debianHost();
        Result good = ctx.run(
                Event.configChanged(),
                withVault(vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.RSA_KEY)),
                host);
        assertEquals(Status.active("Unit is ready"), good.unitStatus());
        assertEquals(HTTPS_URL, good.localUnitData("identity-service").get("public_url"));
        FakeHost.FakeFile key = host.file(ApiServer.Uwsgi.KEY).orElseThrow();
        FakeHost.FakeFile cert = host.file(ApiServer.Uwsgi.CERT).orElseThrow();
        host.clearLogs();

        State badState = good.state()
                .withoutRelation(30)
                .withRelation(good.state().relation(30).orElseThrow().withRemoteUnit("vault/0", bad));
        Result out = ctx.run(Event.relationChanged(badState.relation(30).orElseThrow(), "vault/0"), badState, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                StatusLevel.BLOCKED, out.unitStatus().level(), out.unitStatus().message());
        assertTrue(
                out.unitStatus().message().startsWith("'certificates' data unusable (vault/0: "),
                out.unitStatus().message());
        assertTrue(
                out.unitStatus().message().contains(expected), out.unitStatus().message());
        assertTrue(
                out.unitStatus().message().endsWith("keeping the certificate in use"),
                out.unitStatus().message());
        assertFalse(out.unitStatus().message().contains("MII"), "no material in the status");
        assertEquals(key, host.file(ApiServer.Uwsgi.KEY).orElseThrow(), "key file kept");
        assertEquals(cert, host.file(ApiServer.Uwsgi.CERT).orElseThrow(), "certificate file kept");
        assertEquals(List.of(), host.serviceLog(), "nothing restarted");
        assertEquals(
                HTTPS_URL,
                out.state().relation("identity-service").localUnitData().get("public_url"),
                "keystone keeps the https endpoints");

        Result fixed = ctx.run(
                Event.relationChanged(badState.relation(30).orElseThrow(), "vault/0"),
                out.state()
                        .withoutRelation(30)
                        .withRelation(good.state().relation(30).orElseThrow()),
                host);
        assertEquals(Status.active("Unit is ready"), fixed.unitStatus());
    }

    @Test
    void secondHookWithTlsChangesNothing() throws Exception {
        FakeHost host = MasakariCharmTest.debianHost();
        Result first = ctx.run(
                Event.configChanged(),
                withVault(vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.RSA_KEY)),
                host);
        Map<java.nio.file.Path, FakeHost.FakeFile> files = host.writtenFiles();
        host.clearLogs();
        Result second = ctx.run(Event.updateStatus(), first.state(), host);
        assertEquals(Status.active("Unit is ready"), second.unitStatus());
        assertEquals(files, host.writtenFiles(), "no file rewritten");
        assertEquals(List.of(), host.serviceLog());
        assertEquals(List.of(), second.relationWrites());
    }

    @Test
    void beforeTheFirstAnswerTheUnitWaitsAndServesHttp() {
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(Event.configChanged(), withVault(RelationState.addressKeys("10.5.0.50")), host);
        assertEquals(Status.waiting("'certificates' awaiting server certificate data"), out.unitStatus());
        assertEquals(
                "http://10.5.0.40:15868/v1/%(tenant_id)s",
                out.localUnitData("identity-service").get("public_url"));
        assertTrue(host.file(ApiServer.Uwsgi.KEY).isEmpty());
    }

    @Test
    void badFirstAnswerBlocksWithoutInventingTls() throws Exception {
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(
                Event.configChanged(),
                withVault(vault(TlsFixtures.CA, TlsFixtures.RSA_CERT, TlsFixtures.OTHER_RSA_KEY)),
                host);
        assertEquals(StatusLevel.BLOCKED, out.unitStatus().level());
        assertFalse(
                out.unitStatus().message().contains("keeping"), out.unitStatus().message());
        assertTrue(host.file(ApiServer.Uwsgi.KEY).isEmpty(), "a mismatched key is never written");
    }

    @Test
    void ecCertificateFromTheRelationIsUsed() throws Exception {
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(
                Event.configChanged(), withVault(vault(TlsFixtures.CA, TlsFixtures.EC_CERT, TlsFixtures.EC_KEY)), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(
                TlsFixtures.EC_KEY, host.file(ApiServer.Uwsgi.KEY).orElseThrow().text());
    }

    static Stream<Arguments> badManualTls() {
        String cert = TlsFixtures.base64(TlsFixtures.RSA_CERT);
        String key = TlsFixtures.base64(TlsFixtures.RSA_KEY);
        return Stream.of(
                Arguments.of(
                        Map.of("ssl_cert", cert, "ssl_key", TlsFixtures.base64(TlsFixtures.JUNK_KEY)),
                        "ssl_key",
                        "is not a PEM private key"),
                Arguments.of(
                        Map.of("ssl_cert", cert, "ssl_key", TlsFixtures.base64(TlsFixtures.OTHER_RSA_KEY)),
                        "ssl_key",
                        "does not belong to the certificate"),
                Arguments.of(
                        Map.of("ssl_cert", cert, "ssl_key", TlsFixtures.base64(TlsFixtures.EC_KEY)),
                        "ssl_key",
                        "does not belong to the certificate"),
                Arguments.of(
                        Map.of("ssl_cert", TlsFixtures.base64(TlsFixtures.JUNK_CERT), "ssl_key", key),
                        "ssl_cert",
                        "is not a PEM X.509 certificate"),
                Arguments.of(
                        Map.of("ssl_cert", cert, "ssl_key", key, "ssl_ca", TlsFixtures.base64(TlsFixtures.JUNK_CERT)),
                        "ssl_ca",
                        "is not a PEM X.509 certificate"),
                Arguments.of(Map.of("ssl_cert", cert), "ssl_key", "must be set together with ssl_cert"));
    }

    @ParameterizedTest
    @MethodSource("badManualTls")
    void badConfigTlsBlocksNamingTheOptionAndKeepsWhatRuns(Map<String, Object> config, String option, String expected) {
        FakeHost host = MasakariCharmTest.debianHost();
        Result good = ctx.run(
                Event.configChanged(),
                MasakariCharmTest.related(true)
                        .withConfig(Map.of(
                                "ssl_cert",
                                TlsFixtures.base64(TlsFixtures.RSA_CERT),
                                "ssl_key",
                                TlsFixtures.base64(TlsFixtures.RSA_KEY))),
                host);
        assertEquals(Status.active("Unit is ready"), good.unitStatus());
        FakeHost.FakeFile key = host.file(ApiServer.Uwsgi.KEY).orElseThrow();
        host.clearLogs();

        Result out = ctx.run(Event.configChanged(), good.state().withConfig(config), host);
        assertTrue(out.blockedOnConfig(option, expected), out.statusHistory().toString());
        assertFalse(out.unitStatus().message().contains("MII"));
        assertEquals(key, host.file(ApiServer.Uwsgi.KEY).orElseThrow());
        assertEquals(List.of(), host.serviceLog());
        assertEquals(
                HTTPS_URL,
                out.state().relation("identity-service").localUnitData().get("public_url"));
    }

    @Test
    void configKeyIsASecretRegisteredWhenBoundAndRevealedOnlyInTheKeyFile() {
        String base64Key = TlsFixtures.base64(TlsFixtures.RSA_KEY);
        List<String> registered = new java.util.ArrayList<>();
        MasakariConfig config = new dev.instanceha.ops.model.CharmConfig(
                        dev.instanceha.ops.model.ConfigSchema.load(MasakariCharmTest.CHARM.resolve("config.yaml")),
                        Map.of("ssl_cert", TlsFixtures.base64(TlsFixtures.RSA_CERT), "ssl_key", base64Key),
                        registered::add)
                .as(MasakariConfig.class);
        assertEquals(List.of(base64Key.strip()), registered);
        assertFalse(config.toString().contains("PRIVATE KEY"), config.toString());

        FakeHost host = MasakariCharmTest.debianHost();
        ctx.run(
                Event.configChanged(),
                MasakariCharmTest.related(true)
                        .withConfig(Map.of("ssl_cert", TlsFixtures.base64(TlsFixtures.RSA_CERT), "ssl_key", base64Key)),
                host);
        assertEquals(
                TlsFixtures.RSA_KEY.strip(),
                host.file(ApiServer.Uwsgi.KEY).orElseThrow().text().strip());
    }
}
