package dev.instanceha.ops.testcharm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.ops.charm.Action;
import dev.instanceha.ops.charm.ActionFailedException;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Secret;
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

    /** The greet action's parameters (types and required ones already checked against actions.yaml). */
    record Greeting(String name, Integer times, String style) {
        Greeting {
            if (name == null || name.isBlank()) {
                throw new ActionFailedException("parameter 'name' is required");
            }
        }
    }

    /** Bound from config.yaml; the checks the types cannot make run here, naming the key. */
    record Config(String greeting, int port, Optional<Path> greetingFile, String adminPassword) {
        @JsonCreator
        static Config bind(
                @JsonProperty("greeting") String greeting,
                @JsonProperty("port") long port,
                @JsonProperty("greeting-file") String greetingFile,
                @JsonProperty("admin-password") Secret adminPassword) {
            if (port < 1 || port > 65535) {
                throw new ConfigException("port", "must be between 1 and 65535, not " + port);
            }
            return new Config(
                    greeting == null || greeting.isBlank() ? "hello" : greeting,
                    (int) port,
                    Optional.ofNullable(greetingFile).filter(f -> !f.isBlank()).map(Path::of),
                    adminPassword == null ? "" : adminPassword.reveal());
        }
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.log().info("installing greeter");
        hook.model().state().put("installed", "true");
    }

    @Override
    public void reconcile(HookContext hook) {
        Config config = hook.model().config().as(Config.class);
        hook.log().info("reconciling with greeting=" + config.greeting() + " admin-password=" + config.adminPassword());
        config.greetingFile().ifPresent(file -> {
            String owner = System.getProperty("user.name");
            boolean changed = hook.host()
                    .files()
                    .write(
                            file,
                            (config.greeting() + "\n").getBytes(StandardCharsets.UTF_8),
                            new FileSpec(owner, owner, 0640));
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
                "greet",
                        action -> {
                            Greeting p = action.params(Greeting.class);
                            String once = action.hook()
                                            .model()
                                            .config()
                                            .as(Config.class)
                                            .greeting() + ", " + p.name();
                            String text = String.join(
                                    " ", java.util.Collections.nCopies(p.times() == null ? 1 : p.times(), once));
                            action.result(
                                    "message",
                                    "loud".equals(p.style()) ? text.toUpperCase(java.util.Locale.ROOT) : text);
                        },
                "fail-on-purpose",
                        action -> {
                            action.progress("about to fail");
                            throw new ActionFailedException("failed on purpose");
                        });
    }
}
