package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.HookSession;
import java.io.IOException;

/** What every stand-in does alike: stable generated passwords and the ready status. */
final class StandInSupport {
    private StandInSupport() {}

    /**
     * One password per account for the whole model, as the real charms keep one per user in their
     * leader settings: every unit of a stand-in (three mysql-routers for three masakari units)
     * hands out the same one, or each would reset the shared account's password.
     */
    static String password(ModelCloud cloud, String key) throws IOException {
        return cloud.secret("standin." + key);
    }

    static void ready(HookSession s) {
        s.setStatus("active", "Unit is ready");
    }
}
