package dev.instanceha.masakari;

import dev.instanceha.ops.host.Host;
import java.nio.file.Path;

/**
 * Whether masakari's taskflow persistence ([taskflow] connection) can work here. Debian 12's
 * python3-taskflow ships without its alembic migrations, and `masakari-manage db sync` then dies
 * at migration 6; where they are missing the charm leaves the option unset (engine recovery
 * flows still run, only unpersisted).
 */
final class TaskflowSupport {
    static final Path MIGRATIONS =
            Path.of("/usr/lib/python3/dist-packages/taskflow/persistence/backends/sqlalchemy/alembic/versions");

    private TaskflowSupport() {}

    static boolean available(Host host) {
        return host.files().exists(MIGRATIONS);
    }
}
