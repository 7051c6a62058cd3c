package dev.instanceha.hostmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    /** What charm-masakari-monitors renders for a pacemaker-remote deployment, plus other monitors' sections. */
    private static final String CHARM_STYLE = """
            [DEFAULT]
            debug = False
            hostname = compute-1.maas

            [api]
            auth_url = http://10.0.0.10:5000
            auth_type = password
            project_domain_id = default
            user_domain_id = default
            project_domain_name = service_domain
            user_domain_name = service_domain
            project_name = services
            username = masakari-monitors
            password = "pa:ss=word"
            region = RegionOne
            api_interface = internal
            certfile = /etc/ssl/client.pem

            [host]
            corosync_multicast_interfaces = ens3
            corosync_multicast_ports = 5405
            restrict_to_remotes = True
            disable_ipmi_check = True
            monitoring_samples = 3
            stonith_wait = 45
            frobnicate = yes

            [process]
            process_list_path = /etc/masakari/process_list.yaml

            [hostmonitor_java]
            poll_interval = 1
            outbox_dir = /var/lib/x/outbox
            mode = watch
            """;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ConfigLoader loader = new ConfigLoader(warnings::add, notes::add, Set.of("me.example", "me"));

    private MonitorConfig load(String text) throws ConfigException {
        return loader.load(new IniParser().parse(text));
    }

    @Test
    void readsTheUpstreamOptionsWithTheirMeaning() throws Exception {
        MonitorConfig c = load(CHARM_STYLE);
        assertEquals("http://10.0.0.10:5000", c.api().authUrl());
        assertEquals(Optional.of("masakari-monitors"), c.api().username());
        assertEquals("pa:ss=word", c.api().password(), "one pair of quotes stripped, separators inside kept");
        assertEquals(Optional.of("default"), c.api().userDomainId());
        assertEquals(Optional.of("services"), c.api().projectName());
        assertEquals("internal", c.api().apiInterface());
        assertTrue(c.host().restrictToRemotes());
        assertEquals(3, c.host().monitoringSamples());
        assertEquals(Duration.ofSeconds(45), c.host().stonithWait());
        assertEquals(12, c.host().apiRetryMax(), "upstream default");
        assertEquals(Duration.ofSeconds(10), c.host().apiRetryInterval(), "upstream default");
        assertEquals(DaemonSettings.Mode.WATCH, c.daemon().mode());
        assertEquals(Duration.ofSeconds(1), c.daemon().pollInterval());
        assertEquals(Path.of("/var/lib/x/outbox"), c.daemon().outboxDir());
        assertEquals(
                List.of("crm_mon", "--output-as=xml", "--fence-history=2"),
                c.daemon().statusCommand(),
                "-X is deprecated in pacemaker 3.0");
        assertEquals(Set.of("me.example", "me"), c.daemon().selfNames());
    }

    @Test
    void unknownAndUnsupportedOptionsAreIgnoredWithAWarning() throws Exception {
        load(CHARM_STYLE);
        assertTrue(
                warnings.stream().anyMatch(w -> w.startsWith("[host] frobnicate") && w.contains("unknown")),
                warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.startsWith("[api] certfile") && w.contains("not supported")),
                warnings.toString());
        assertTrue(notes.stream().anyMatch(w -> w.startsWith("[host] disable_ipmi_check")), notes.toString());
        assertFalse(
                warnings.stream().anyMatch(w -> w.contains("process_list_path") || w.contains("debug")),
                "other monitors' sections are not ours to judge");
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void defaultsMatchUpstreamWhenOnlyCredentialsAreGiven() throws Exception {
        MonitorConfig c = load("[api]\nauth_url=http://k:5000/v3\nusername=u\npassword=p\nproject_name=services\n");
        assertFalse(c.host().restrictToRemotes());
        assertEquals(1, c.host().monitoringSamples());
        assertEquals(Duration.ofSeconds(30), c.host().stonithWait());
        assertEquals(Duration.ofSeconds(60), c.host().monitoringInterval());
        assertEquals("public", c.api().apiInterface());
        assertEquals("RegionOne", c.api().region());
        assertEquals(DaemonSettings.Mode.POLL, c.daemon().mode());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void theLegacyXmlCommandStillWorksWhenConfigured() throws Exception {
        MonitorConfig c = load("[api]\nauth_url=http://k\nusername=u\npassword=p\nproject_name=s\n"
                + "[hostmonitor_java]\nstatus_command =  crm_mon -X   --fence-history=2 \n");
        assertEquals(List.of("crm_mon", "-X", "--fence-history=2"), c.daemon().statusCommand());
        assertTrue(warnings.isEmpty(), warnings.toString());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> load("[api]\nauth_url=http://k\nusername=u\n"
                        + "password=p\nproject_name=s\n[hostmonitor_java]\nstatus_command =   \n"));
        assertTrue(e.getMessage().contains("status_command"), e.getMessage());
    }

    @Test
    void defaultDomainIsTheFallbackForUserAndProject() throws Exception {
        MonitorConfig c =
                load("[api]\nauth_url=http://k\nusername=u\npassword=p\nproject_name=s\ndefault_domain_id=dom1\n");
        assertEquals(Optional.of("dom1"), c.api().userDomainId());
        assertEquals(Optional.of("dom1"), c.api().projectDomainId());
    }

    @Test
    void badValuesNameTheOption() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> load(
                        "[api]\nauth_url=http://k\nusername=u\nproject_name=s\n[host]\nmonitoring_samples = many\n"));
        assertTrue(e.getMessage().contains("monitoring_samples"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> load("[api]\nusername=u\nproject_name=s\n"));
        assertTrue(e.getMessage().contains("auth_url"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> load(
                        "[api]\nauth_url=http://k\nusername=u\nproject_name=s\n[host]\nrestrict_to_remotes = sometimes\n"));
        assertTrue(e.getMessage().contains("restrict_to_remotes"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> load("[api]\nauth_url=http://k\nusername=u\nproject_name=s\nauth_type=token\n"));
        assertTrue(e.getMessage().contains("auth_type"), e.getMessage());
    }

    @Test
    void laterFilesOverrideEarlierOnes() throws Exception {
        IniParser p = new IniParser();
        IniDocument merged = p.parse("[host]\nstonith_wait = 10\nmonitoring_samples = 2\n")
                .overlay(p.parse("[host]\nstonith_wait = 20\n"));
        assertEquals(Optional.of("20"), merged.get("host", "stonith_wait"));
        assertEquals(Optional.of("2"), merged.get("host", "monitoring_samples"));
    }

    @Test
    void iniSyntax() throws Exception {
        IniDocument d =
                new IniParser().parse("# comment\n; other\n[a]\nk1: v1\nk2 = multi\n  line\nurl = http://x:1/y\n");
        assertEquals(Optional.of("v1"), d.get("a", "k1"));
        assertEquals(Optional.of("multi\nline"), d.get("a", "k2"));
        assertEquals(Optional.of("http://x:1/y"), d.get("a", "url"));
        assertThrows(ConfigException.class, () -> new IniParser().parse("k = v\n"));
        assertThrows(ConfigException.class, () -> new IniParser().parse("[a]\njust words\n"));
    }

    @Test
    void readsOsloSubstitutionAsOsloDoes() throws Exception {
        MonitorConfig c = load("[DEFAULT]\nregion = r1\n[api]\nauth_url=http://k:5000/v3\nusername=u\n"
                + "password = \"p$$w$$\"\nproject_name=svc-${region}\nregion = $DEFAULT.region\n");
        assertEquals("p$w$", c.api().password(), "$$ is a literal dollar, as oslo.config reads it");
        assertEquals("svc-r1", c.api().projectName().orElseThrow(), "${name} falls back to [DEFAULT]");
    }

    @Test
    void anUnsetReferenceIsAnErrorThatDoesNotEchoTheSecret() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> load("[api]\nauth_url=http://k\nusername=u\npassword=ab$cdef\nproject_name=s\n"));
        assertTrue(e.getMessage().contains("[api] password"), e.getMessage());
        assertFalse(e.getMessage().contains("cdef"), e.getMessage());
    }
}
