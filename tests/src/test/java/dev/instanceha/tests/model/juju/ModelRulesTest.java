package dev.instanceha.tests.model.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.testing.jujuc.HookToolCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Juju's event and commit rules as the model applies them, without machines. */
class ModelRulesTest {
    private final Model model = new Model("t", "uuid", u -> {}, () -> {});
    private final HookToolCommands tools = new HookToolCommands();
    private final Machine m0 = new Machine("0", null, "10.251.200.10");
    private final Machine m1 = new Machine("1", null, "10.251.200.11");

    private Application app(
            String name,
            boolean subordinate,
            Map<String, Object> provides,
            Map<String, Object> requires,
            Map<String, Object> peers) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>(
                Map.of("name", name, "subordinate", subordinate, "provides", provides, "requires", requires));
        meta.put("peers", peers);
        Application a = new Application(
                name,
                null,
                null,
                CharmMeta.of(
                        meta, Map.of("options", Map.of("debug", Map.of("type", "boolean", "default", false))), null));
        model.applications.put(name, a);
        return a;
    }

    /** Runs every queued hook of the unit, committing each (as a hook exiting 0); returns the hook names. */
    private List<String> drain(Unit u) {
        List<String> ran = new ArrayList<>();
        while (!u.queue.isEmpty()) {
            HookEvent e = u.queue.pollFirst();
            ran.add(e.describe());
            HookSession s = new HookSession(model, u, e, "ctx", line -> {});
            model.commit(s);
            if (e.hook().equals("start")) {
                u.started = true;
                model.relations.forEach(model::enterScope);
            }
        }
        return ran;
    }

    private HookSession session(Unit u, HookEvent e) {
        return new HookSession(model, u, e, "ctx", line -> {});
    }

    @Test
    void aNewUnitGetsInstallRelationCreatedLeaderConfigStartInJujusOrder() {
        Application a = app(
                "db",
                false,
                Map.of("db", Map.of("interface", "mysql")),
                Map.of(),
                Map.of("cluster", Map.of("interface", "c")));
        model.addRelation(a, "cluster", a, "cluster");
        Unit u0 = model.addUnit(a, m0, null);
        Unit u1 = model.addUnit(a, m1, null);
        assertEquals(
                List.of("install", "cluster-relation-created", "leader-elected", "config-changed", "start"), drain(u0));
        assertEquals(
                List.of(
                        "install",
                        "cluster-relation-created",
                        "leader-settings-changed",
                        "config-changed",
                        "start",
                        "cluster-relation-joined (db/0)",
                        "cluster-relation-changed (db/0)"),
                drain(u1));
        assertEquals(List.of("cluster-relation-joined (db/1)", "cluster-relation-changed (db/1)"), drain(u0));
        assertTrue(u0.leader);
    }

    @Test
    void committedDataReachesOnlyUnitsThatSawTheWriterJoinAndAFailedHookCommitsNothing() {
        Application db = app("db", false, Map.of("db", Map.of("interface", "mysql")), Map.of(), Map.of());
        Application web = app("web", false, Map.of(), Map.of("db", Map.of("interface", "mysql")), Map.of());
        Relation r = model.addRelation(db, "db", web, "db");
        Unit d = model.addUnit(db, m0, null);
        Unit w = model.addUnit(web, m1, null);
        drain(d);
        drain(w);
        drain(d);
        HookSession failing = session(w, HookEvent.of("config-changed"));
        assertEquals(
                0,
                tools.run(failing, "relation-set", List.of("-r", "db:" + r.id, "user=a"), null)
                        .code());
        // the hook failed: not committed, nothing queued for db/0
        assertTrue(d.queue.isEmpty());
        assertEquals(null, r.unitBag("web/0").get("user"));
        HookSession ok = session(w, HookEvent.of("config-changed"));
        tools.run(ok, "relation-set", List.of("-r", "db:" + r.id, "--file", "-"), "{\"user\": \"a\"}".getBytes());
        model.commit(ok);
        assertEquals(List.of("db-relation-changed (web/0)"), drain(d));
        HookSession read = session(d, new HookEvent("db-relation-changed", r, "web/0", "web", null, null));
        HookToolCommands.Outcome got = tools.run(read, "relation-get", List.of("--format=json", "-", "web/0"), null);
        assertTrue(got.stdout().contains("\"user\":\"a\""), got.stdout());
        assertTrue(got.stdout().contains("\"private-address\":\"10.251.200.11\""), got.stdout());
    }

    @Test
    void hookToolErrorsUseJujusExitCodesAndTexts() {
        Application db = app("db", false, Map.of("db", Map.of("interface", "mysql")), Map.of(), Map.of());
        Application web = app("web", false, Map.of(), Map.of("db", Map.of("interface", "mysql")), Map.of());
        Relation r = model.addRelation(db, "db", web, "db");
        Unit d = model.addUnit(db, m0, null);
        Unit d2 = model.addUnit(db, m1, null);
        HookSession s = session(d2, HookEvent.of("update-status"));
        HookToolCommands.Outcome appSet =
                tools.run(s, "relation-set", List.of("-r", "db:" + r.id, "--app", "k=v"), null);
        assertEquals(1, appSet.code());
        assertEquals("ERROR cannot write relation settings\n", appSet.stderr());
        HookToolCommands.Outcome badStatus = tools.run(s, "status-set", List.of("fine", "x"), null);
        assertEquals(2, badStatus.code());
        assertTrue(badStatus.stderr().startsWith("ERROR invalid status \"fine\""));
        assertEquals(
                2,
                tools.run(s, "relation-get", List.of("-r", "db:99", "-", "web/0"), null)
                        .code());
        assertEquals(1, tools.run(s, "action-get", List.of(), null).code());
        assertEquals(
                "false\n",
                tools.run(s, "is-leader", List.of("--format=json"), null).stdout());
        assertEquals(
                "true\n",
                tools.run(session(d, HookEvent.of("update-status")), "is-leader", List.of("--format=json"), null)
                        .stdout());
        assertEquals(
                "{\"debug\":false}\n",
                tools.run(s, "config-get", List.of("--format=json"), null).stdout());
    }

    @Test
    void removingAUnitSendsDepartedBothWaysThenBrokenStopRemove() {
        Application db = app("db", false, Map.of("db", Map.of("interface", "mysql")), Map.of(), Map.of());
        Application web = app("web", false, Map.of(), Map.of("db", Map.of("interface", "mysql")), Map.of());
        model.addRelation(db, "db", web, "db");
        Unit d = model.addUnit(db, m0, null);
        Unit w = model.addUnit(web, m1, null);
        drain(d);
        drain(w);
        drain(d);
        model.removeUnit(w);
        assertEquals(List.of("db-relation-departed (web/0)"), drain(d));
        assertEquals(List.of("db-relation-departed (db/0)", "db-relation-broken", "stop", "remove"), drain(w));
    }

    @Test
    void aContainerRelationIsScopedToTheMachine() {
        Application p = app("nova", false, Map.of(), Map.of(), Map.of());
        Application sub = app(
                "mon",
                true,
                Map.of(),
                Map.of("container", Map.of("interface", "juju-info", "scope", "container")),
                Map.of());
        Relation r = model.addRelation(sub, "container", p, "juju-info");
        Unit p0 = model.addUnit(p, m0, null);
        Unit p1 = model.addUnit(p, m1, null);
        drain(p0);
        drain(p1);
        Unit s0 = model.addUnit(sub, m0, p0);
        drain(s0);
        assertEquals(
                List.of("nova/0"), session(s0, HookEvent.of("update-status")).remoteUnits(r));
    }
}
