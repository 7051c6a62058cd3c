package dev.instanceha.ops.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JujuContextTest {
    private static Map<String, String> base(String dispatchPath) {
        Map<String, String> env = new HashMap<>();
        env.put("JUJU_DISPATCH_PATH", dispatchPath);
        env.put("JUJU_UNIT_NAME", "masakari/0");
        env.put("JUJU_MODEL_NAME", "openstack");
        env.put("JUJU_MODEL_UUID", "uuid-1");
        env.put("JUJU_CHARM_DIR", "/var/lib/juju/agents/unit-masakari-0/charm");
        env.put("JUJU_VERSION", "3.6.4");
        return env;
    }

    @ParameterizedTest
    @CsvSource({
        "hooks/install, INSTALL",
        "hooks/config-changed, CONFIG_CHANGED",
        "hooks/update-status, UPDATE_STATUS",
        "hooks/leader-settings-changed, LEADER_SETTINGS_CHANGED",
        "hooks/upgrade-charm, UPGRADE_CHARM",
        "hooks/data-storage-attached, STORAGE_ATTACHED",
        "hooks/secret-changed, SECRET_CHANGED",
        "hooks/pre-series-upgrade, OTHER",
        "hooks/stop, STOP",
        "hooks/remove, REMOVE"
    })
    void hookKindsFromTheDispatchPath(String path, EventKind kind) {
        JujuContext context = JujuContext.fromEnvironment(base(path), null);
        assertEquals(kind, context.kind());
        assertEquals(path.substring(6), context.eventName());
        assertFalse(context.isAction());
        assertEquals("masakari", context.appName());
        assertEquals(Path.of("/var/lib/juju/agents/unit-masakari-0/charm"), context.charmDir());
        assertEquals("3.6.4", context.jujuVersion());
    }

    @Test
    void relationChangedCarriesRelationAndRemoteUnit() {
        Map<String, String> env = base("hooks/amqp-relation-changed");
        env.put("JUJU_RELATION", "amqp");
        env.put("JUJU_RELATION_ID", "amqp:12");
        env.put("JUJU_REMOTE_APP", "rabbitmq-server");
        env.put("JUJU_REMOTE_UNIT", "rabbitmq-server/1");
        JujuContext context = JujuContext.fromEnvironment(env, null);
        assertEquals(EventKind.RELATION_CHANGED, context.kind());
        assertEquals(Optional.of("amqp"), context.relationName());
        assertEquals(Optional.of(12), context.relationId());
        assertEquals(Optional.of("amqp:12"), context.relationRef());
        assertEquals(Optional.of("rabbitmq-server"), context.remoteApp());
        assertEquals(Optional.of("rabbitmq-server/1"), context.remoteUnit());
        assertTrue(context.departingUnit().isEmpty());
    }

    @Test
    void appDataChangeHasNoRemoteUnit() {
        Map<String, String> env = base("hooks/ha-relation-changed");
        env.put("JUJU_RELATION", "ha");
        env.put("JUJU_RELATION_ID", "7");
        env.put("JUJU_REMOTE_APP", "hacluster");
        env.put("JUJU_REMOTE_UNIT", "");
        JujuContext context = JujuContext.fromEnvironment(env, null);
        assertEquals(Optional.of(7), context.relationId());
        assertTrue(context.remoteUnit().isEmpty());
    }

    @Test
    void departedNamesTheDepartingUnit() {
        Map<String, String> env = base("hooks/cluster-relation-departed");
        env.put("JUJU_RELATION", "cluster");
        env.put("JUJU_RELATION_ID", "cluster:3");
        env.put("JUJU_REMOTE_APP", "masakari");
        env.put("JUJU_REMOTE_UNIT", "masakari/2");
        env.put("JUJU_DEPARTING_UNIT", "masakari/2");
        assertEquals(
                Optional.of("masakari/2"),
                JujuContext.fromEnvironment(env, null).departingUnit());
        env.remove("JUJU_DEPARTING_UNIT");
        JujuContextException e = assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(env, null));
        assertEquals("JUJU_DEPARTING_UNIT is not set", e.getMessage());
    }

    @Test
    void relationHookWithoutRelationVariablesIsRejected() {
        Map<String, String> env = base("hooks/amqp-relation-joined");
        JujuContextException e = assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(env, null));
        assertEquals("JUJU_RELATION is not set", e.getMessage());
        env.put("JUJU_RELATION", "amqp");
        env.put("JUJU_RELATION_ID", "amqp:x");
        env.put("JUJU_REMOTE_APP", "rabbitmq-server");
        e = assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(env, null));
        assertTrue(e.getMessage().contains("JUJU_RELATION_ID"), e.getMessage());
    }

    @Test
    void actionsComeFromTheActionsDirectory() {
        Map<String, String> env = base("actions/create-segment");
        env.put("JUJU_ACTION_NAME", "create-segment");
        env.put("JUJU_ACTION_UUID", "42");
        JujuContext context = JujuContext.fromEnvironment(env, null);
        assertTrue(context.isAction());
        assertEquals(Optional.of("create-segment"), context.actionName());
        assertEquals(Optional.of("42"), context.actionUuid());
    }

    @Test
    void fallsBackToArgv0WhenDispatchPathIsMissing() {
        Map<String, String> env = base("");
        JujuContext context = JujuContext.fromEnvironment(env, "hooks/start");
        assertEquals(EventKind.START, context.kind());
        assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(env, null));
    }

    @Test
    void subordinateSeesItsPrincipal() {
        Map<String, String> env = base("hooks/install");
        env.put("JUJU_UNIT_NAME", "masakari-monitors/3");
        env.put("JUJU_PRINCIPAL_UNIT", "nova-compute/1");
        JujuContext context = JujuContext.fromEnvironment(env, null);
        assertEquals("masakari-monitors", context.appName());
        assertEquals(Optional.of("nova-compute/1"), context.principalUnit());
    }

    @Test
    void outsideJujuTheFirstMissingVariableIsNamed() {
        JujuContextException e =
                assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(Map.of(), null));
        assertEquals("JUJU_UNIT_NAME is not set", e.getMessage());
        Map<String, String> env = base("hooks/install");
        env.put("JUJU_UNIT_NAME", "masakari");
        e = assertThrows(JujuContextException.class, () -> JujuContext.fromEnvironment(env, null));
        assertTrue(e.getMessage().startsWith("JUJU_UNIT_NAME is not a unit name"));
    }
}
