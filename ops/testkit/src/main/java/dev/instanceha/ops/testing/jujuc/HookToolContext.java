package dev.instanceha.ops.testing.jujuc;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one running hook (or action) lets its hook tools see and do: the part of a unit agent
 * {@link HookToolCommands} needs. Reads of the unit's own databags, leader settings, state and
 * ports include this hook's pending writes; whether and when those writes are committed is the
 * implementation's business (Juju commits them when the hook exits 0).
 *
 * @param <R> how the implementation names a relation; compared with {@code equals}
 */
public interface HookToolContext<R> {
    /** A workload or application status. */
    record StatusValue(String status, String message) {}

    /** The action a hook context runs, if it is one. */
    interface Action {
        Map<String, Object> params();

        void addResults(Map<String, String> results);

        void fail(String message);

        void log(String message);
    }

    // ------------------------------------------------------------------ the hook

    String unitName();

    default String appName() {
        return unitName().substring(0, unitName().indexOf('/'));
    }

    /** The relation of a relation hook, else null. */
    R hookRelation();

    /** JUJU_REMOTE_UNIT: the remote unit of a relation hook, or null. */
    String hookRemoteUnit();

    /** JUJU_REMOTE_APP, or null outside relation hooks. */
    String hookRemoteApp();

    /** JUJU_DEPARTING_UNIT of a relation-departed hook, or null. */
    String departingUnit();

    /** The running action, or null in a hook. */
    Action action();

    /** Every tool call is reported here first, whatever its outcome. */
    void toolCalled(String tool);

    /** Endpoint and extra-binding names the charm declares (network-get accepts only these). */
    Set<String> endpointNames();

    // ------------------------------------------------------------------ relations

    /** The relations of one of this unit's endpoints that the unit can see. */
    List<R> relations(String endpoint);

    /** A relation by reference ("endpoint:id" or "id") among those the unit can see, or null. */
    R relation(String ref);

    /** The endpoint name this unit sees the relation under. */
    String endpoint(R relation);

    int id(R relation);

    /** relation-ids prints this: endpoint:id. */
    default String ref(R relation) {
        return endpoint(relation) + ":" + id(relation);
    }

    boolean isPeer(R relation);

    String remoteAppName(R relation);

    /** The remote units in scope for this unit (the departing one may still be among them). */
    List<String> remoteUnits(R relation);

    /** Whether the relation holds a databag for the unit (in scope, or departing in this hook). */
    boolean hasUnitSettings(R relation, String unit);

    /** A unit's databag; this unit's own includes what this hook wrote. */
    Map<String, String> unitData(R relation, String unit);

    /** An application's databag; this unit's application's includes what this hook wrote. */
    Map<String, String> appData(R relation, String app);

    /** Writes to this unit's databag; an empty value removes the key. */
    void setUnitData(R relation, Map<String, String> data);

    /** Writes to this application's databag (leader only: the caller checks). */
    void setAppData(R relation, Map<String, String> data);

    // ------------------------------------------------------------------ leadership and state

    boolean isLeader();

    Map<String, String> leaderSettings();

    void setLeaderSettings(Map<String, String> data);

    Map<String, String> state();

    void setState(Map<String, String> data);

    void deleteState(String key);

    // ------------------------------------------------------------------ status and logs

    StatusValue status();

    StatusValue appStatus();

    void setStatus(String status, String message);

    void setAppStatus(String status, String message);

    void setVersion(String version);

    void log(String level, String message);

    // ------------------------------------------------------------------ the machine

    Set<String> ports();

    /** A port as "N/proto" or "N-M/proto". */
    void openPort(String port);

    void closePort(String port);

    String address();

    Map<String, Object> config();
}
