package dev.instanceha.tests.model.juju;

import dev.instanceha.ops.testing.jujuc.HookToolServer;
import dev.instanceha.tests.model.Machines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The model's controller: deploys a bundle onto model machines and runs every unit's hooks as
 * Juju's agents do — one hook at a time per machine (Juju's machine lock), failed hooks retried
 * with back-off, update-status on a timer — and serves the verbs a charmer uses (config, run,
 * add-unit, remove-unit, integrate, remove-relation, refresh, status).
 */
public final class Controller implements AutoCloseable {

    public record Options(
            String modelName,
            String base,
            Duration updateStatus,
            Duration retryFirst,
            Duration retryMax,
            Duration hookTimeout,
            Path logDir) {
        public static Options defaults(Path logDir) {
            return new Options(
                    "lab",
                    "trixie",
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    logDir);
        }

        public Options withUpdateStatus(Duration interval) {
            return new Options(modelName, base, interval, retryFirst, retryMax, hookTimeout, logDir);
        }

        public Options withBase(String newBase) {
            return new Options(modelName, newBase, updateStatus, retryFirst, retryMax, hookTimeout, logDir);
        }

        public Options withRetry(Duration first) {
            return new Options(modelName, base, updateStatus, first, retryMax, hookTimeout, logDir);
        }
    }

    private final Machines machines;
    private final Options options;
    private final Function<String, StandIn> standIns;
    private final Consumer<String> progress;
    final Model model;
    private final HookToolServer server;
    private final HookRunner runner;
    private final Writer debugLog;
    private final Map<String, UnitLog> unitLogs = new ConcurrentHashMap<>();
    private final Map<Machine, Thread> workers = new HashMap<>();
    private final Map<String, String> lastShown = new HashMap<>();
    private final long startedAt = System.nanoTime();
    private final Thread ticker;
    private volatile boolean closed;
    private int nextAction = 1;
    private int retiring; // machines being destroyed after their last unit left

    public Controller(
            Machines machines, Options options, Function<String, StandIn> standIns, Consumer<String> progress) {
        this.machines = machines;
        this.options = options;
        this.standIns = standIns;
        this.progress = progress;
        this.model = new Model(
                options.modelName(),
                UUID.nameUUIDFromBytes(options.modelName().getBytes(StandardCharsets.UTF_8))
                        .toString(),
                this::statusChanged,
                this::wake);
        try {
            if (Files.isDirectory(options.logDir().resolve("units"))) {
                UnitFiles.deleteTree(options.logDir().resolve("units")); // a new model starts with new logs
            }
            Files.createDirectories(options.logDir());
            this.debugLog = Files.newBufferedWriter(options.logDir().resolve("debug-log"), StandardCharsets.UTF_8);
            this.server = new HookToolServer(machines.home().resolve("run/jujuc/jujuc.sock"), model.lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.runner = new HookRunner(machines.home().resolve("lxc"), options.hookTimeout());
        this.ticker = new Thread(this::tick, "update-status");
        this.ticker.setDaemon(true);
        this.ticker.start();
    }

    public Path debugLogPath() {
        return options.logDir().resolve("debug-log");
    }

    // ------------------------------------------------------------------ verbs

    /** juju deploy BUNDLE: applications, machines for principal units, relations; hooks start at once. */
    public void deploy(Bundle bundle) {
        machines.image(options.base());
        List<Runnable> later = new ArrayList<>();
        synchronized (model.lock) {
            for (Bundle.App spec : bundle.applications().values()) {
                if (model.applications.containsKey(spec.name())) {
                    throw new ModelException("application " + spec.name() + " already exists");
                }
            }
            for (Bundle.App spec : bundle.applications().values()) {
                Application app = newApplication(spec);
                model.applications.put(app.name, app);
                for (Map.Entry<String, Object> o : spec.options().entrySet()) {
                    if (!app.meta.hasOption(o.getKey()) && app.standIn == null) {
                        throw new ModelException("application " + app.name + ": option \"" + o.getKey()
                                + "\" is not in its config.yaml");
                    }
                    app.config.put(o.getKey(), o.getValue());
                }
            }
            for (Bundle.Relation rel : bundle.relations()) {
                integrateLocked(rel.a(), rel.b());
            }
            for (Bundle.App spec : bundle.applications().values()) {
                Application app = model.applications.get(spec.name());
                if (app.subordinate()) {
                    continue;
                }
                if (spec.numUnits() == 0 && app.standIn == null) {
                    throw new ModelException("application " + app.name + ": num_units is 0; a principal needs units");
                }
                for (int i = 0; i < Math.max(1, spec.numUnits()); i++) {
                    later.add(() -> addUnitLocked(app));
                }
            }
            for (Application app : model.applications.values()) {
                if (app.meta.endpoints().values().stream().anyMatch(e -> e.role() == CharmMeta.Role.PEERS)) {
                    for (CharmMeta.Endpoint e : app.meta.endpoints().values()) {
                        if (e.role() == CharmMeta.Role.PEERS) {
                            model.addRelation(app, e.name(), app, e.name());
                        }
                    }
                }
            }
            later.forEach(Runnable::run);
        }
        show("deployed " + bundle.applications().size() + " applications, "
                + bundle.relations().size() + " relations from " + bundle.source());
    }

    public void config(String appName, Map<String, String> values) {
        synchronized (model.lock) {
            Application app = model.application(appName);
            boolean changed = false;
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (!app.meta.hasOption(e.getKey()) && app.standIn == null) {
                    throw new ModelException("unknown option \"" + e.getKey() + "\"");
                }
                Object before = app.config.put(e.getKey(), typed(app, e.getKey(), e.getValue()));
                changed |= before == null || !String.valueOf(before).equals(e.getValue());
            }
            if (changed) {
                model.configChanged(app);
            }
        }
    }

    public Map<String, Object> config(String appName) {
        synchronized (model.lock) {
            return model.application(appName).effectiveConfig();
        }
    }

    public HookEvent.ActionRun run(String unitName, String action, Map<String, Object> params) {
        synchronized (model.lock) {
            Unit unit = model.unit(unitName);
            if (!unit.app.meta.actions().contains(action)) {
                throw new ModelException("action \"" + action + "\" not defined on unit \"" + unitName + "\"");
            }
            HookEvent.ActionRun run = new HookEvent.ActionRun(nextAction++, action, params);
            model.enqueue(unit, new HookEvent(action, null, null, null, null, run));
            return run;
        }
    }

    public void addUnit(String appName) {
        synchronized (model.lock) {
            addUnitLocked(model.application(appName));
        }
    }

    public void removeUnit(String unitName) {
        synchronized (model.lock) {
            Unit unit = model.unit(unitName);
            if (unit.app.subordinate()) {
                throw new ModelException("unit \"" + unitName + "\" is a subordinate, remove the relation instead");
            }
            for (Unit sub : model.allUnits()) {
                if (sub.principal == unit) {
                    model.removeUnit(sub);
                }
            }
            model.removeUnit(unit);
        }
    }

    public void integrate(String a, String b) {
        synchronized (model.lock) {
            integrateLocked(Bundle.End.parse(a), Bundle.End.parse(b));
            ensureSubordinates();
        }
    }

    public void removeRelation(String a, String b) {
        synchronized (model.lock) {
            Relation r = find(Bundle.End.parse(a), Bundle.End.parse(b));
            model.removeRelation(r);
            for (Unit sub : model.allUnits()) {
                if (sub.principal != null && r.container && r.involves(sub.app) && r.involves(sub.principal.app)) {
                    model.removeUnit(sub); // a subordinate goes with its last container relation
                }
            }
        }
    }

    /** juju refresh APP --path NEW.charm: the new charm replaces the old on every unit, then upgrade-charm. */
    public void refresh(String appName, Path charm) {
        synchronized (model.lock) {
            Application app = model.application(appName);
            if (app.standIn != null) {
                throw new ModelException(appName + " is a stand-in; there is no charm to refresh");
            }
            CharmMeta meta = CharmMeta.read(charm);
            if (!meta.name().equals(app.meta.name())) {
                throw new ModelException("cannot refresh " + appName + " (charm " + app.meta.name()
                        + ") to a different charm: " + meta.name());
            }
            app.charmPath = charm;
            app.meta = meta;
            app.charmRevision++;
            for (Unit u : app.units) {
                u.filesRevision = -1; // reinstalled by its worker before the next hook
            }
            model.upgraded(app);
        }
    }

    // ------------------------------------------------------------------ observing

    public String status() {
        synchronized (model.lock) {
            return StatusTable.render(model, startedAt);
        }
    }

    public Status workload(String unitName) {
        synchronized (model.lock) {
            return model.unit(unitName).workload;
        }
    }

    public List<String> units(String appName) {
        synchronized (model.lock) {
            return model.application(appName).units.stream().map(u -> u.name).toList();
        }
    }

    public String machineOf(String unitName) {
        synchronized (model.lock) {
            Machine m = model.unit(unitName).machine;
            return m.lxc == null ? null : m.lxc.name();
        }
    }

    public Map<String, String> relationData(String unitName, String endpoint) {
        synchronized (model.lock) {
            Unit u = model.unit(unitName);
            Map<String, String> out = new LinkedHashMap<>();
            for (Relation r : model.relations) {
                if (r.involves(u.app) && r.endpointOf(u.app).equals(endpoint) && !r.broken) {
                    out.putAll(r.unitBag(u.name));
                }
            }
            return out;
        }
    }

    /** Waits until no unit has a hook queued or running; fails naming the unit, hook and log tail of a unit stuck in error. */
    public void awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (model.lock) {
            while (true) {
                List<String> stuck = new ArrayList<>();
                boolean busy = false;
                for (Unit u : model.allUnits()) {
                    if ("error".equals(u.agent) && u.failures >= 3) {
                        stuck.add(u.name + ": hook \"" + u.errorHook + "\" failed " + u.failures
                                + " times; last lines:\n" + indent(log(u).tail(15)));
                    }
                    busy |= !u.queue.isEmpty() || !"idle".equals(u.agent);
                }
                busy |= retiring > 0;
                if (!stuck.isEmpty()) {
                    throw new ModelException(String.join("\n", stuck) + "\n(full log: " + debugLogPath() + ")");
                }
                if (!busy) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ModelException("the model did not settle in " + timeout.toMinutes() + " min:\n"
                            + StatusTable.render(model, startedAt) + "\n(full log: " + debugLogPath() + ")");
                }
                model.lock.wait(Math.min(1000, left / 1_000_000 + 1));
            }
        }
    }

    public HookEvent.ActionRun awaitAction(HookEvent.ActionRun run, Duration timeout) throws Exception {
        return run.done().get(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ internals

    private Application newApplication(Bundle.App spec) {
        if (spec.isLocal()) {
            Path charm = Path.of(spec.charm());
            if (!Files.isRegularFile(charm)) {
                throw new ModelException("application " + spec.name() + ": charm " + charm
                        + " not found (build it: mvn -B package -DskipTests)");
            }
            return new Application(spec.name(), charm, null, CharmMeta.read(charm));
        }
        StandIn standIn = standIns.apply(spec.charm());
        if (standIn == null) {
            throw new ModelException("application " + spec.name() + ": charm \"" + spec.charm()
                    + "\" is neither a local .charm nor one the model has a stand-in for");
        }
        return new Application(spec.name(), null, standIn, standIn.meta());
    }

    private static Object typed(Application app, String key, String value) {
        String type = app.meta.optionTypes().getOrDefault(key, "string");
        if (type.equals("boolean")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new ModelException("option \"" + key + "\" expected boolean, got \"" + value + "\"");
            }
            return Boolean.parseBoolean(value);
        }
        if (type.equals("int")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ModelException("option \"" + key + "\" expected int, got \"" + value + "\"");
            }
        }
        if (type.equals("float")) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new ModelException("option \"" + key + "\" expected float, got \"" + value + "\"");
            }
        }
        return value;
    }

    private void integrateLocked(Bundle.End a, Bundle.End b) {
        Application appA = model.application(a.app());
        Application appB = model.application(b.app());
        String[] eps = matchEndpoints(appA, a.endpoint(), appB, b.endpoint());
        for (Relation r : model.relations) {
            if (!r.broken
                    && ((r.appA == appA && r.endpointA.equals(eps[0]) && r.appB == appB && r.endpointB.equals(eps[1]))
                            || (r.appA == appB
                                    && r.endpointA.equals(eps[1])
                                    && r.appB == appA
                                    && r.endpointB.equals(eps[0])))) {
                throw new ModelException("relation " + a + " " + b + " already exists");
            }
        }
        model.addRelation(appA, eps[0], appB, eps[1]);
    }

    /** Picks the endpoint pair as Juju does: same interface, provides ↔ requires; ambiguity is an error. */
    private static String[] matchEndpoints(Application a, String epA, Application b, String epB) {
        List<String[]> matches = new ArrayList<>();
        for (CharmMeta.Endpoint x : a.meta.endpoints().values()) {
            if (epA != null && !x.name().equals(epA)) {
                continue;
            }
            for (CharmMeta.Endpoint y : b.meta.endpoints().values()) {
                if (epB != null && !y.name().equals(epB)) {
                    continue;
                }
                boolean roles = (x.role() == CharmMeta.Role.PROVIDES && y.role() == CharmMeta.Role.REQUIRES)
                        || (x.role() == CharmMeta.Role.REQUIRES && y.role() == CharmMeta.Role.PROVIDES);
                if (roles && x.iface().equals(y.iface())) {
                    matches.add(new String[] {x.name(), y.name()});
                }
            }
        }
        if (matches.size() != 1) {
            throw new ModelException(
                    (matches.isEmpty() ? "no relation possible between " : "ambiguous relation between ")
                            + a.name + (epA == null ? "" : ":" + epA) + " and " + b.name
                            + (epB == null ? "" : ":" + epB)
                            + (matches.isEmpty() ? "" : ": name the endpoints"));
        }
        return matches.get(0);
    }

    private Relation find(Bundle.End a, Bundle.End b) {
        for (Relation r : model.relations) {
            if (r.broken || r.peer()) {
                continue;
            }
            boolean ab = r.appA.name.equals(a.app())
                    && r.appB.name.equals(b.app())
                    && (a.endpoint() == null || r.endpointA.equals(a.endpoint()))
                    && (b.endpoint() == null || r.endpointB.equals(b.endpoint()));
            boolean ba = r.appA.name.equals(b.app())
                    && r.appB.name.equals(a.app())
                    && (b.endpoint() == null || r.endpointA.equals(b.endpoint()))
                    && (a.endpoint() == null || r.endpointB.equals(a.endpoint()));
            if (ab || ba) {
                return r;
            }
        }
        throw new ModelException("relation " + a + " " + b + " not found");
    }

    private void addUnitLocked(Application app) {
        if (app.subordinate()) {
            throw new ModelException("cannot add units to subordinate application " + app.name);
        }
        // Stand-ins without a machine run in the controller, one worker per application (as each
        // would have machines of its own), so a slow rabbitmqctl never holds up keystone.
        Machine machine = app.units.stream()
                .map(u -> u.machine)
                .filter(m -> m.lxc == null)
                .findFirst()
                .orElseGet(() -> new Machine("host", null, Machines.HOST));
        if (app.standIn == null || app.standIn.needsMachine()) {
            int id = model.nextMachine++;
            String name = "juju-" + options.modelName() + "-" + id;
            machine = new Machine(
                    String.valueOf(id),
                    machines.handle(name, Machines.HOST.substring(0, Machines.HOST.lastIndexOf('.') + 1) + (10 + id)),
                    Machines.HOST.substring(0, Machines.HOST.lastIndexOf('.') + 1) + (10 + id));
            model.machines.put(machine.id, machine);
        }
        model.addUnit(app, machine, null);
        ensureWorker(machine);
    }

    /** Container-scoped relations put one subordinate unit beside every started principal unit. */
    private void ensureSubordinates() {
        for (Relation r : new ArrayList<>(model.relations)) {
            if (!r.container || r.broken || r.peer() || r.appA.subordinate() == r.appB.subordinate()) {
                continue;
            }
            Application principal = r.appA.subordinate() ? r.appB : r.appA;
            Application sub = r.remoteApp(principal);
            for (Unit p : new ArrayList<>(principal.units)) {
                if (!p.started || p.dying) {
                    continue;
                }
                boolean present = sub.units.stream().anyMatch(u -> u.machine == p.machine && !u.dying);
                if (!present) {
                    model.addUnit(sub, p.machine, p);
                }
            }
        }
    }

    private void ensureWorker(Machine machine) {
        workers.computeIfAbsent(machine, m -> {
            Thread t = new Thread(() -> work(m), "machine-" + m.id);
            t.setDaemon(true);
            t.start();
            return t;
        });
    }

    private void work(Machine machine) {
        try {
            if (machine.lxc != null) {
                synchronized (model.lock) {
                    model.allUnits().stream().filter(u -> u.machine == machine).forEach(u -> u.agent = "allocating");
                }
                machine.lxc.launch(options.base());
                show("machine " + machine.id + " (" + machine.lxc.name() + ", " + machine.address + ") started");
            }
            while (!closed) {
                Unit unit;
                HookEvent event;
                HookSession session;
                synchronized (model.lock) {
                    unit = next(machine);
                    if (unit == null) {
                        model.lock.wait(500);
                        continue;
                    }
                    event = unit.queue.peekFirst();
                    unit.agent = "executing";
                    session = new HookSession(
                            model,
                            unit,
                            event,
                            unit.name + "-" + event.hook() + "-" + UUID.randomUUID(),
                            log(unit)::line);
                    server.register(session.contextId, session);
                }
                if (unit.filesRevision != unit.app.charmRevision && machine.lxc != null && unit.app.standIn == null) {
                    UnitFiles.install(machines.rootfs(machine.lxc.name()), unit, unit.app.charmPath);
                    unit.filesRevision = unit.app.charmRevision;
                }
                long t0 = System.nanoTime();
                log(unit).line("running " + event.describe());
                boolean ok = runner.run(session, log(unit));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                synchronized (model.lock) {
                    server.unregister(session.contextId);
                    finish(unit, event, session, ok, ms);
                    model.lock.notifyAll();
                }
                if (ok && "remove".equals(event.hook()) && event.action() == null) {
                    retireMachineIfEmpty(machine);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            show("ERROR machine " + machine.id + ": " + e.getMessage());
            synchronized (model.lock) {
                for (Unit u : model.allUnits()) {
                    if (u.machine == machine) {
                        u.agent = "lost";
                        u.workload = new Status("unknown", "machine failed: " + e.getMessage());
                        u.failures = 99;
                        u.errorHook = "machine";
                    }
                }
                model.lock.notifyAll();
            }
        }
    }

    private Unit next(Machine machine) {
        long now = System.currentTimeMillis();
        for (Unit u : model.allUnits()) {
            if (u.machine != machine || u.queue.isEmpty()) {
                continue;
            }
            if (u.dying && hasSubordinates(u) && isEnd(u.queue.peekFirst())) {
                continue; // as in Juju, a principal stops only after its subordinates are gone
            }
            if ("error".equals(u.agent) && now < u.retryAtMillis) {
                continue;
            }
            return u;
        }
        return null;
    }

    private boolean hasSubordinates(Unit principal) {
        return model.allUnits().stream().anyMatch(u -> u.principal == principal);
    }

    private static boolean isEnd(HookEvent e) {
        return e.action() == null && (e.hook().equals("stop") || e.hook().equals("remove"));
    }

    private void finish(Unit unit, HookEvent event, HookSession session, boolean ok, long ms) {
        if (event.action() != null) {
            unit.queue.pollFirst();
            HookEvent.ActionRun run = event.action();
            run.status = ok && run.failure == null ? "completed" : "failed";
            if (!ok && run.failure == null) {
                run.failure = "exit status " + "non-zero";
            }
            unit.agent = "idle";
            run.done().complete(run);
            log(unit).line("action " + run.name() + " " + run.status + " in " + ms + " ms");
            return;
        }
        if (!ok) {
            unit.failures++;
            unit.agent = "error";
            unit.errorHook = event.hook();
            long backoff = Math.min(
                    options.retryMax().toMillis(), options.retryFirst().toMillis() << Math.min(unit.failures - 1, 10));
            unit.retryAtMillis = System.currentTimeMillis() + backoff;
            show(unit.name + ": hook failed: \"" + event.hook() + "\" (retry in " + backoff / 1000 + " s; log: "
                    + options.logDir().resolve(unit.tag() + ".log") + ")");
            return;
        }
        unit.queue.pollFirst();
        unit.failures = 0;
        unit.errorHook = null;
        unit.agent = "idle";
        model.commit(session);
        log(unit)
                .line("ran " + event.describe() + " in " + ms + " ms ("
                        + session.toolCalls().size() + " hook tool calls)");
        switch (event.hook()) {
            case "start" -> {
                unit.started = true;
                for (Relation r : model.relations) {
                    if (r.involves(unit.app)) {
                        model.enterScope(r);
                    }
                }
                ensureSubordinates();
            }
            case "remove" -> {
                unit.app.units.remove(unit);
                if (unit.leader) {
                    unit.app.units.stream().filter(u -> !u.dying).findFirst().ifPresent(u -> {
                        u.leader = true;
                        model.enqueue(u, HookEvent.of("leader-elected"));
                    });
                }
                show(unit.name + " removed");
            }
            default -> {}
        }
        statusChanged(unit);
    }

    private void retireMachineIfEmpty(Machine machine) {
        if (machine.lxc == null) {
            return;
        }
        synchronized (model.lock) {
            if (model.allUnits().stream().anyMatch(u -> u.machine == machine)) {
                return;
            }
            model.machines.remove(machine.id);
            retiring++;
        }
        try {
            machines.destroy(machine.lxc.name());
            show("machine " + machine.id + " (" + machine.lxc.name() + ") removed");
        } finally {
            synchronized (model.lock) {
                retiring--;
                model.lock.notifyAll();
            }
        }
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(Math.min(5000, options.updateStatus().toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            synchronized (model.lock) {
                for (Unit u : model.allUnits()) {
                    if (!u.started || u.dying || !"idle".equals(u.agent)) {
                        continue;
                    }
                    if (u.lastUpdateStatus == 0) {
                        u.lastUpdateStatus = now;
                    }
                    if (now - u.lastUpdateStatus >= options.updateStatus().toNanos()
                            && u.queue.stream().noneMatch(e -> e.hook().equals("update-status"))) {
                        u.lastUpdateStatus = now;
                        model.enqueue(u, HookEvent.of("update-status"));
                    }
                }
            }
        }
    }

    private void wake() {
        model.lock.notifyAll();
    }

    UnitLog log(Unit unit) {
        return unitLogs.computeIfAbsent(
                unit.name, n -> new UnitLog(options.logDir().resolve("units"), unit.tag(), debugLog));
    }

    private void statusChanged(Unit unit) {
        String shown =
                unit.workload.status() + (unit.workload.message().isEmpty() ? "" : ": " + unit.workload.message());
        if (!shown.equals(lastShown.put(unit.name, shown))) {
            show(unit.name + " " + shown);
        }
    }

    private void show(String line) {
        long s = (System.nanoTime() - startedAt) / 1_000_000_000L;
        progress.accept(String.format("[+%02d:%02d] %s", s / 60, s % 60, line));
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ticker.interrupt();
        workers.values().forEach(Thread::interrupt);
        server.close();
        synchronized (debugLog) {
            debugLog.close();
        }
    }
}
