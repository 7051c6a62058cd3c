package dev.instanceha.ops.charm;

import dev.instanceha.ops.context.EventKind;
import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.context.JujuContextException;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.ProcessHookTools;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.RealHost;
import dev.instanceha.ops.log.BoundedText;
import dev.instanceha.ops.log.CharmLog;
import dev.instanceha.ops.log.Redactor;
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
 * Charm code relies only on this: {@link StatusException} (and {@link ConfigException}, which blocks
 * naming the key) shows its status, {@link ActionFailedException} fails the action.
 */
public final class CharmRunner {
    /** Exit code for "not started by Juju", as for a usage error. */
    public static final int NOT_UNDER_JUJU = 2;
    /** What a unit shows after {@code stop}/{@code remove} unless the charm reports otherwise. */
    public static final Status STOPPED = Status.maintenance("Stopped");

    private CharmRunner() {}

    public static void main(Charm charm, String[] args) {
        JujuContext context;
        try {
            context = JujuContext.fromEnvironment(System.getenv(), args.length > 0 ? args[0] : null);
        } catch (JujuContextException e) {
            System.err.println(
                    "this is a Juju charm and runs only from a Juju hook or action (" + e.getMessage() + ")");
            System.exit(NOT_UNDER_JUJU);
            return;
        } catch (RuntimeException e) {
            // Before there is a log to write to: still one line, redacted, no trace.
            System.err.println(
                    "cannot read the Juju context: " + BoundedText.statusLine(new Redactor().redact(summary(e))));
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
            Model model = new Model(context, tools, schema, log::secret);
            StatusCollector status = new StatusCollector(endsAs(charm, context.kind()));
            HookContext hook = new HookContext(context, model, host, status, log, tools);
            if (context.isAction()) {
                ActionOutcome outcome = runAction(charm, hook);
                if (outcome == ActionOutcome.FAILED_UNEXPECTEDLY) {
                    return 0; // action-fail said so; what it wrote is not kept
                }
                if (outcome == ActionOutcome.RECONCILE_AFTER) {
                    // The action changed what the unit should be (pause, resume, …): show it now.
                    reconcile(charm, hook);
                    showCollected(hook);
                }
            } else {
                runHook(charm, hook);
                showCollected(hook);
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

    /** The one place a hook's status is set: the most severe reported, redacted, one line. */
    private static void showCollected(HookContext hook) {
        Status shown = hook.status().mostSevere();
        hook.tools().statusSet(shown.level(), hook.log().forStatus(shown.message()));
    }

    private static void runHook(Charm charm, HookContext hook) {
        JujuContext context = hook.juju();
        EventKind kind = context.kind();
        try {
            switch (kind) {
                case INSTALL -> charm.onInstall(hook);
                case UPGRADE_CHARM -> {
                    hook.packages().forgetAll(); // a new revision may need other packages: check once
                    charm.onUpgrade(hook);
                }
                case STOP, REMOVE -> {
                    charm.onRemove(hook);
                    return;
                }
                case RELATION_DEPARTED, RELATION_BROKEN ->
                    charm.onRelationGone(
                            hook,
                            context.relationName().orElseThrow(),
                            context.relationId().orElseThrow(),
                            context.departingUnit().orElse(null));
                default -> {
                    // Every other hook only reconciles.
                }
            }
        } catch (StatusException e) {
            hook.report(e.status());
            return;
        }
        reconcile(charm, hook);
    }

    private static void reconcile(Charm charm, HookContext hook) {
        try {
            charm.reconcile(hook);
        } catch (StatusException e) {
            hook.report(e.status());
        }
    }

    private enum ActionOutcome {
        DONE,
        RECONCILE_AFTER,
        FAILED_UNEXPECTEDLY
    }

    /** Runs the action; FAILED_UNEXPECTEDLY means its writes must not be flushed. */
    private static ActionOutcome runAction(Charm charm, HookContext hook) {
        String name = hook.juju().actionName().orElseThrow();
        Action action = charm.actions().get(name);
        if (action == null) {
            hook.tools().actionFail("this charm has no action '" + name + "'");
            return ActionOutcome.DONE;
        }
        ActionContext running = null;
        try {
            ActionSchema schema = ActionSchema.load(hook.juju().charmDir().resolve("actions.yaml"));
            Map<String, Object> params = schema.check(name, hook.tools().actionGet());
            running = new ActionContext(name, params, hook);
            action.run(running);
            hook.tools().actionSet(running.results());
            return running.reconcileRequested() ? ActionOutcome.RECONCILE_AFTER : ActionOutcome.DONE;
        } catch (ActionFailedException | StatusException e) {
            if (running != null) {
                hook.tools().actionSet(running.results());
            }
            String message = e instanceof StatusException s ? s.status().message() : e.getMessage();
            hook.tools().actionFail(hook.log().forStatus(message));
            return running != null && running.reconcileRequested() ? ActionOutcome.RECONCILE_AFTER : ActionOutcome.DONE;
        } catch (RuntimeException e) {
            String summary = reportUnexpected(hook.log(), "action " + name + " failed: ", e);
            hook.tools().actionFail(summary);
            return ActionOutcome.FAILED_UNEXPECTEDLY;
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
        String name = e.getClass().getSimpleName().isEmpty()
                ? e.getClass().getName()
                : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
