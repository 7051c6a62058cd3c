package dev.instanceha.ops.hooktools;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Juju's hook tools, one method per tool (and per mode where a flag changes the answer's shape).
 * Relation references are {@code endpoint:id} strings as {@code -r} takes them.
 * Every method throws {@link HookToolException} when the tool fails.
 */
public interface HookTools {
    // --- relations
    List<String> relationIds(String endpoint);

    /** Remote units of a relation (departing unit already excluded by Juju). */
    List<String> relationList(String relationRef);

    /** The remote application's name, or empty when Juju does not know it yet. */
    Optional<String> relationRemoteApp(String relationRef);

    /** A unit's databag, read as this unit sees it. */
    Map<String, String> relationGet(String relationRef, String unit);

    /** An application's databag ({@code --app}). */
    Map<String, String> relationGetApp(String relationRef, String app);

    /** Merges {@code data} into this unit's databag; an empty value deletes the key. */
    void relationSet(String relationRef, Map<String, String> data);

    /** Merges {@code data} into this application's databag (leader only). */
    void relationSetApp(String relationRef, Map<String, String> data);

    // --- config, status, version, log
    /** Every option with a value, typed as Juju gives it (string, number, boolean). */
    Map<String, Object> configGet();

    void statusSet(StatusLevel level, String message);

    /** Application status; only the leader may set it. */
    void applicationStatusSet(StatusLevel level, String message);

    StatusInfo statusGet();

    void applicationVersionSet(String version);

    void jujuLog(LogLevel level, String message);

    // --- actions
    Map<String, Object> actionGet();

    /** Results keyed by dotted paths ({@code segment.name}); values are strings. */
    void actionSet(Map<String, String> results);

    void actionFail(String message);

    void actionLog(String message);

    // --- leadership and unit state
    boolean isLeader();

    /** Deprecated by Juju (gone in Juju 4); kept for Juju 3 peers that still read it. */
    Map<String, String> leaderGet();

    void leaderSet(Map<String, String> data);

    Map<String, String> stateGet();

    void stateSet(Map<String, String> data);

    void stateDelete(String key);

    // --- network and ports
    NetworkInfo networkGet(String binding);

    /** {@code 15868/tcp}, {@code 8000-8100/udp} or {@code icmp}. */
    void openPort(String port);

    void closePort(String port);

    List<String> openedPorts();

    /** {@code private-address} or {@code public-address}. */
    String unitGet(String key);
}
