package dev.instanceha.stonith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run behind {@code fence_maas --build-cds-archive}: the agent's real actions against
 * a canned loopback MAAS, so the class-data archive (JDK 17+) or AOT cache (JDK 25+) the JVM
 * writes at exit holds every class a fencing call loads, linked in advance. Start-up time counts
 * against every fencing timeout.
 */
final class CdsWarmup {
    static final String FLAG = "--cds-warmup";

    private CdsWarmup() {}

    static int run() {
        try (TrainingMaas maas = new TrainingMaas()) {
            String common = "plug=" + TrainingMaas.HOSTNAME + ".maas\nnodename=" + TrainingMaas.HOSTNAME + "\nurl="
                    + maas.url() + "\napi_key=training:archive:build\nstonith_status_sleep=0.05\n";
            for (String action : new String[] {
                "metadata", "validate-all", "monitor", "list", "status", "off", "status", "reboot", "on"
            }) {
                int exit = agent("action=" + action + "\n" + common);
                if (exit != ExitCodes.OK && !(action.equals("status") && exit == ExitCodes.STATUS_OFF)) {
                    System.err.println("fence_maas: training run: action " + action + " exited " + exit);
                    return ExitCodes.ERROR;
                }
            }
            // The failure path's classes too (a refused parameter).
            agent("action=off\n" + common + "power_timeout=soon\n");
            return ExitCodes.OK;
        } catch (IOException e) {
            System.err.println("fence_maas: training run failed: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private static int agent(String stdin) {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return FenceMaasMain.run(
                new String[0],
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                discard,
                discard,
                FenceMaasMain.environment());
    }
}
