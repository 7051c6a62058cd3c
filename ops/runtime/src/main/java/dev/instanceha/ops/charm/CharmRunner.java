package dev.instanceha.ops.charm;

import dev.instanceha.ops.context.EventKind;
import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.context.JujuContextException;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.RealHost;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.ProcessHookTools;
import dev.instanceha.ops.log.BoundedText;
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
 *
 * <p>Nothing the charm throws reaches stderr as a stack trace: a hook that fails unexpectedly logs
 * one redacted ERROR line, keeps the trace for DEBUG and exits 1 so that Juju retries it; an
 * action always ends with {@code action-fail} and a one-line message, and exits 0 as Juju expects.
 * Charm code relies only on this: {@link ConfigException} blocks naming the key,
 * {@link StatusException} shows its status, {@link ActionFailedException} fails the action.
 */
public final class CharmRunner {
    /** Exit code for "not started by Juju", as for a usage error. */
    public static final int NOT_UNDER_JUJU = 2;
    /** What a unit shows after {@code stop}/{@code remove} unless the charm reports otherwise. */
    public static final Status STOPPED = Status.maintenance("Stopped");

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
        } catch (RuntimeException e) {
            // Before there is a log to write to: still one line, redacted, no trace.
            System.err.println("cannot read the Juju context: "
                    + BoundedText.statusLine(new Redactor().redact(summary(e))));
            System.exit(1);
            return;
        }
        System.exit(run(charm, context, new ProcessHookTools(), new RealHost()));
    }

    /** Runs the event {@code context} names; returns the process exit code. */
    public static int run(Charm charm, JujuContext context, HookTools tools, Host host) {
        CharmLog log = new CharmLog(tools, new Redactor());
        try {
            ConfigSchema schema = ConfigSchema.load(context.charmDir().resolve("config.yaml"));
            Model model = new Model(context, tools, schema);
            StatusCollector status = new StatusCollector(endsAs(charm, context.kind()));
            HookContext hook = new HookContext(context, model, host, status, log, tools);
            if (context.isAction()) {
                if (!runAction(charm, hook)) {
                    return 0; // failed unexpectedly: action-fail said so; what it wrote is not kept
                }
            } else {
                runHook(charm, hook);
                Status shown = status.mostSevere();
                // Status text is shown to anyone with `juju status`: redacted like logs, one line.
                tools.statusSet(shown.level(), log.forStatus(shown.message()));
            }
            model.flush();
            return 0;
        } catch (RuntimeException | Error e) {
            // Not input the charm could check (that became a status above): a tool, package or
            // service failed. Juju marks the hook failed and retries it; the log says why.
            reportUnexpected(log, context.eventName() + " failed: ", e);
            return 1;
        }
    }

    /** The status a hook ends with when no component reports anything worse. */
    private static Status endsAs(Charm charm, EventKind kind) {
        // stop and remove run no reconcile: the daemons are being stopped, so not "ready".
        return kind == EventKind.STOP || kind == EventKind.REMOVE ? STOPPED : Status.active(charm.readyMessage());
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
            hook.report(Status.blocked(e.getMessage()));
        } catch (StatusException e) {
            hook.report(e.status());
        }
    }

    /** Runs the action; false when it failed unexpectedly (then its writes must not be flushed). */
    private static boolean runAction(Charm charm, HookContext hook) {
        String name = hook.juju().actionName().orElseThrow();
        Action action = charm.actions().get(name);
        if (action == null) {
            hook.tools().actionFail("this charm has no action '" + name + "'");
            return true;
        }
        ActionContext running = null;
        try {
            ActionSchema schema = ActionSchema.load(hook.juju().charmDir().resolve("actions.yaml"));
            Map<String, Object> params = schema.check(name, hook.tools().actionGet());
            running = new ActionContext(name, params, hook);
            action.run(running);
            hook.tools().actionSet(running.results());
            return true;
        } catch (ActionFailedException | ConfigException | StatusException e) {
            if (running != null) {
                hook.tools().actionSet(running.results());
            }
            String message = e instanceof StatusException s ? s.status().message() : e.getMessage();
            hook.tools().actionFail(hook.log().forStatus(message));
            return true;
        } catch (RuntimeException e) {
            String summary = reportUnexpected(hook.log(), "action " + name + " failed: ", e);
            hook.tools().actionFail(summary);
            return false;
        }
    }

    /**
     * Logs one redacted ERROR line and the redacted trace at DEBUG (stdout, which Juju keeps at
     * DEBUG); returns the line as an operator may see it.
     */
    private static String reportUnexpected(CharmLog log, String what, Throwable e) {
        String line = log.forStatus(what + summary(e));
        try {
            log.error(line);
            log.debug(stackTrace(e));
        } catch (RuntimeException | Error loggingFailed) {
            System.err.println(line); // still one redacted line, never the trace
        }
        return line;
    }

    /** "IllegalStateException: the message", or the class alone for an exception with no message. */
    static String summary(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName().isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
