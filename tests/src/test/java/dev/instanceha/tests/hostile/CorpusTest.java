package dev.instanceha.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus files and the runner's checks, without running any charm. */
class CorpusTest {
    final List<HostileCase> corpus =
            new CorpusLoader(Path.of("..").toAbsolutePath().normalize()).loadAll();

    @Test
    void corpusHasTheSizeTheGoalsNeed() {
        Map<String, Long> perCharm =
                corpus.stream().collect(Collectors.groupingBy(c -> c.charm().name(), Collectors.counting()));
        assertTrue(corpus.size() >= 200, "cases: " + corpus.size());
        assertEquals(4, perCharm.size(), perCharm.toString());
        perCharm.forEach((charm, n) -> assertTrue(n >= 40, charm + " has only " + n + " cases"));
    }

    @Test
    void everyCharmHasAnActiveBaseCase() {
        for (String charm : List.of("masakari", "masakari-monitors", "pacemaker-remote", "hacluster")) {
            HostileCase base = corpus.stream()
                    .filter(c -> c.name().equals(charm + "/base"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Expectation.Kind.ACTIVE, base.expectation().kind());
        }
    }

    @Test
    void eachExpandsToOneCaseAPerValueAndHelpersApply() {
        String yaml = """
                charm: c
                charm-file: c.charm
                unit: c/0
                machine: {hostname: h, fqdn: h.maas}
                base:
                  config: {a: 1}
                  relations:
                    db:3: {app: mysql, units: {mysql/0: {password: BasePassw0rd}, mysql/1: {password: OtherPassw0rd}}}
                cases:
                  - id: x
                    each: [7, {repeat: ab, times: 3}]
                    config: {a: $v}
                    expect: blocked a
                  - id: y
                    relations: {db:3: {units: {mysql/0: {password: {base64: secret-text}, host: {json: h1}}}}}
                    hook: relation-changed db:3 mysql/0
                    expect: reject db
                """;
        List<HostileCase> cases = new CorpusLoader(Path.of(".")).load("t.yaml", yaml);
        assertEquals(
                List.of("x#1", "x#2", "y"), cases.stream().map(HostileCase::id).toList());
        assertEquals(7, cases.get(0).state().config().get("a"));
        assertEquals("ababab", cases.get(1).state().config().get("a"));
        Map<String, String> unit =
                cases.get(2).state().relation("db").remoteUnitsData().get("mysql/0");
        assertEquals("c2VjcmV0LXRleHQ=", unit.get("password"));
        assertEquals("\"h1\"", unit.get("host"));
        assertEquals("hooks/db-relation-changed", cases.get(2).event().dispatchPath());
        assertTrue(
                cases.get(2).secrets().containsAll(List.of("OtherPassw0rd", "c2VjcmV0LXRleHQ=")),
                cases.get(2).secrets().toString());
        assertTrue(CaseRunner.forms("c2VjcmV0LXRleHQ=").contains("secret-text"));
    }

    @Test
    void expectationsMustNameTheKeyTheyBlockOn() {
        assertThrows(IllegalArgumentException.class, () -> Expectation.parse("blocked"));
        assertThrows(IllegalArgumentException.class, () -> Expectation.parse("crash"));
        assertTrue(Expectation.parse("blocked vip_cidr").named("config 'VIP_CIDR' must be 0-32"));
        assertFalse(Expectation.parse("blocked vip_cidr").named("config 'vip' is invalid"));
    }

    @Test
    void injectionIsStructureNotText() {
        assertNotNull(Injection.find("/etc/m.conf", "[DEFAULT]\nregion = R\n[hostile_injected]\nx = 1\n"));
        assertNotNull(Injection.find("/etc/m.conf", "[DEFAULT]\npassword = pw\nhostile_injected=true\n"));
        // oslo.config reads an indented line as the previous value's continuation: not a key
        assertNull(Injection.find("/etc/m.conf", "[DEFAULT]\npassword = pw\n  hostile_injected=true\n"));
        assertNull(Injection.find("/etc/m.conf", "[DEFAULT]\nregion = 'R\\n[hostile_injected]'\n"));
        assertNotNull(
                Injection.find("/etc/corosync/corosync.conf", "totem {\n  version: 2\n  hostile_injected: 1\n}\n"));
        assertNotNull(Injection.find("/etc/p/process_list.yaml", "- process_name: x\n  hostile_injected: 1\n"));
        assertNull(Injection.find("/etc/p/process_list.yaml", "- process_name: 'hostile_injected: 1'\n"));
    }

    @Test
    void queriesAreNotStateChanges() {
        assertFalse(CaseRunner.changesState("systemctl is-active --quiet pacemaker"));
        assertFalse(CaseRunner.changesState("dpkg-query -W -f=${Version} corosync"));
        assertFalse(CaseRunner.changesState("cibadmin --query --scope configuration"));
        assertTrue(CaseRunner.changesState("systemctl enable masakari-api"));
        assertTrue(CaseRunner.changesState("cibadmin --create --scope resources --xml-text <x/>"));
        assertTrue(CaseRunner.changesState("apt-get install -y corosync"));
        assertTrue(CaseRunner.changesState("crm_attribute --type crm_config --name x --update y"));
        assertTrue(CaseRunner.changesState("masakari-manage --config-file /etc/masakari/masakari.conf db sync"));
    }
}
