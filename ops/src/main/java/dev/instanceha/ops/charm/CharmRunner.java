package dev.instanceha.ops.charm;

import dev.instanceha.ops.context.EventKind;
import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.context.JujuContextException;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.RealHost;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.ProcessHookTools;
import dev.instanceha.ops.log.CharmLog;
import dev.instanceha.ops.log.Redactor;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusCollector;
import dev.instanceha.ops.model.StatusException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Runs one hook or action: parses Juju's context, builds the model, calls the charm, sets the
 * collected status and flushes relation data and state. A charm's {@code main} is one line:
 * {@code CharmRunner.main(new MyCharm(), args)}.
 */
public final class CharmRunner {
    /** Exit code for "not started by Juju", as for a usage error. */
    public static final int NOT_UNDER_JUJU = 2;

    private CharmRunner() {
    }

    public static void main(Charm charm, String[] args) {
        JujuContext context;
        try {
            context = JujuContext.fromEnvironment(System.getenv(), args.length > 0 ? args[0] : null);
        } catch (JujuContextException e) {
            System.err.println("this is a Juju charm and runs only from a Juju hook or action ("
                    + e.getMessage() + ")");
            System.exit(NOT_UNDER_JUJU);
            return;
        }
        System.exit(run(charm, context, new ProcessHookTools(), new RealHost()));
    }

    /** Runs the event {@code context} names; returns the process exit code. */
    public static int run(Charm charm, JujuContext context, HookTools tools, Host host) {
        ConfigSchema schema = ConfigSchema.load(context.charmDir().resolve("config.yaml"));
        Model model = new Model(context, tools, schema);
        CharmLog log = new CharmLog(tools, new Redactor());
        StatusCollector status = new StatusCollector(Status.active(charm.readyMessage()));
        HookContext hook = new HookContext(context, model, host, status, log, tools);
        try {
            if (context.isAction()) {
                runAction(charm, hook);
            } else {
                runHook(charm, hook);
                Status shown = status.mostSevere();
                // Status text is shown to anyone with `juju status`: it passes the redactor like logs.
                tools.statusSet(shown.level(), log.redactor().redact(shown.message()));
            }
            model.flush();
            return 0;
        } catch (RuntimeException e) {
            // Not input the charm could check (that became a status above): a tool, package or
            // service failed. Juju marks the hook failed and retries it; the log says why.
            log.error(context.eventName() + " failed: " + e);
            System.err.println(log.redactor().redact(stackTrace(e)));
            return 1;
        }
    }

    private static void runHook(Charm charm, HookContext hook) {
        JujuContext context = hook.juju();
        EventKind kind = context.kind();
        try {
            switch (kind) {
                case INSTALL -> charm.onInstall(hook);
                case UPGRADE_CHARM -> charm.onUpgrade(hook);
                case STOP, REMOVE -> {
                    charm.onRemove(hook);
                    return;
                }
                case RELATION_DEPARTED, RELATION_BROKEN -> charm.onRelationGone(hook,
                        context.relationName().orElseThrow(), context.relationId().orElseThrow(),
                        context.departingUnit().orElse(null));
                default -> {
                    // Every other hook only reconciles.
                }
            }
            charm.reconcile(hook);
        } catch (ConfigException e) {
            hook.report(Status.blocked(hook.log().redactor().redact(e.getMessage())));
        } catch (StatusException e) {
            hook.report(e.status());
        }
    }

    private static void runAction(Charm charm, HookContext hook) {
        String name = hook.juju().actionName().orElseThrow();
        Action action = charm.actions().get(name);
        if (action == null) {
            hook.tools().actionFail("this charm has no action '" + name + "'");
            return;
        }
        Map<String, Object> params = hook.tools().actionGet();
        ActionContext running = new ActionContext(name, params, hook);
        try {
            action.run(running);
            hook.tools().actionSet(running.results());
        } catch (ActionFailedException | ConfigException | StatusException e) {
            hook.tools().actionSet(running.results());
            String message = e instanceof StatusException s ? s.status().message() : e.getMessage();
            hook.tools().actionFail(hook.log().redactor().redact(message));
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
