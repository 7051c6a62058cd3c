package dev.instanceha.ops.context;

/** What Juju is running: derived from the basename of {@code JUJU_DISPATCH_PATH}. */
public enum EventKind {
    INSTALL,
    START,
    STOP,
    REMOVE,
    UPGRADE_CHARM,
    CONFIG_CHANGED,
    UPDATE_STATUS,
    LEADER_ELECTED,
    LEADER_SETTINGS_CHANGED,
    RELATION_CREATED,
    RELATION_JOINED,
    RELATION_CHANGED,
    RELATION_DEPARTED,
    RELATION_BROKEN,
    STORAGE_ATTACHED,
    STORAGE_DETACHING,
    SECRET_CHANGED,
    SECRET_ROTATE,
    SECRET_EXPIRED,
    SECRET_REMOVE,
    ACTION,
    /** A hook this framework has no special meaning for; it still reconciles. */
    OTHER;

    public boolean isRelationEvent() {
        return name().startsWith("RELATION_");
    }

    /** Events whose remote unit Juju names in {@code JUJU_REMOTE_UNIT} (empty for app-bag changes). */
    public boolean hasRemoteUnit() {
        return this == RELATION_JOINED || this == RELATION_CHANGED || this == RELATION_DEPARTED;
    }

    /** The event kind for a hook name such as {@code install} or {@code amqp-relation-changed}. */
    static EventKind ofHook(String hookName) {
        for (String suffix : new String[] {"created", "joined", "changed", "departed", "broken"}) {
            if (hookName.endsWith("-relation-" + suffix)) {
                return valueOf("RELATION_" + suffix.toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (hookName.endsWith("-storage-attached")) {
            return STORAGE_ATTACHED;
        }
        if (hookName.endsWith("-storage-detaching")) {
            return STORAGE_DETACHING;
        }
        try {
            return valueOf(hookName.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }
}
