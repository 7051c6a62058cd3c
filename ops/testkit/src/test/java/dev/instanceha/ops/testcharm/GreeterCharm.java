package dev.instanceha.ops.testcharm;

import dev.instanceha.ops.charm.Action;
import dev.instanceha.ops.charm.ActionFailedException;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Endpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The framework's own test charm: small, but it touches every part a real charm uses. */
public final class GreeterCharm implements Charm {
    public static void main(String[] args) {
        CharmRunner.main(new GreeterCharm(), args);
    }

    record Config(String greeting, int port, Optional<Path> greetingFile, String adminPassword) {
        static Config from(CharmConfig config) {
            long port = config.integer("port");
            if (port < 1 || port > 65535) {
                throw new ConfigException("port", "must be between 1 and 65535, not " + port);
            }
            return new Config(config.string("greeting").orElse("hello"), (int) port,
                    config.string("greeting-file").map(Path::of), config.string("admin-password").orElse(""));
        }
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.log().info("installing greeter");
        hook.model().state().put("installed", "true");
    }

    @Override
    public void reconcile(HookContext hook) {
        Config config = Config.from(hook.model().config());
        hook.log().secret(config.adminPassword());
        hook.log().info("reconciling with greeting=" + config.greeting() + " admin-password=" + config.adminPassword());
        config.greetingFile().ifPresent(file -> {
            String owner = System.getProperty("user.name");
            boolean changed = hook.host().files().write(file,
                    (config.greeting() + "\n").getBytes(StandardCharsets.UTF_8), new FileSpec(owner, owner, 0640));
            // Restart only on change, and only a service that runs (none does in contract tests).
            if (changed && hook.host().services().isRunning("greeter")) {
                hook.host().services().restart("greeter");
            }
        });
        Endpoint website = hook.endpoint("website");
        website.publish(Map.of("hostname", website.address(), "port", String.valueOf(config.port())));
        Endpoint peers = hook.endpoint("peers");
        peers.relations().stream().findFirst().ifPresent(peer -> {
            if (hook.model().isLeader() && !peer.localAppData().containsKey("token")) {
                peers.publishApp(Map.of("token", UUID.randomUUID().toString()));
            }
        });
    }

    @Override
    public Map<String, Action> actions() {
        return Map.of(
                "greet", action -> {
                    String once = action.hook().model().config().string("greeting").orElse("hello") + ", "
                            + action.requireParam("name");
                    String text = String.join(" ", java.util.Collections.nCopies(
                            (int) (long) action.integer("times").orElse(1L), once));
                    action.result("message", action.param("style").orElse("plain").equals("loud")
                            ? text.toUpperCase(java.util.Locale.ROOT) : text);
                },
                "fail-on-purpose", action -> {
                    action.progress("about to fail");
                    throw new ActionFailedException("failed on purpose");
                });
    }
}
