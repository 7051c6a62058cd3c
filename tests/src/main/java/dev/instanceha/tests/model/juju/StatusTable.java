package dev.instanceha.tests.model.juju;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code juju status} as a table: applications, units (subordinates under their principal), machines. */
final class StatusTable {
    private static final Map<String, Integer> SEVERITY =
            Map.of("error", 5, "blocked", 4, "waiting", 3, "maintenance", 2, "active", 1, "unknown", 0);

    private StatusTable() {}

    static String render(Model model, long startedAt) {
        StringBuilder out = new StringBuilder();
        out.append(table(
                List.of("Model", "Controller", "Cloud/Region", "Version"),
                List.of(List.of(model.name, "model-local", "lxc/model", HookRunner.JUJU_VERSION))));
        out.append('\n');
        List<List<String>> apps = new ArrayList<>();
        for (Application a : model.applications.values()) {
            Status st = appStatus(a);
            apps.add(List.of(
                    a.name,
                    a.version,
                    st.status(),
                    String.valueOf(a.units.size()),
                    a.standIn != null ? a.meta.name() + " (stand-in)" : a.meta.name(),
                    st.message()));
        }
        out.append(table(List.of("App", "Version", "Status", "Units", "Charm", "Message"), apps));
        out.append('\n');
        List<List<String>> units = new ArrayList<>();
        for (Application a : model.applications.values()) {
            if (a.subordinate()) {
                continue;
            }
            for (Unit u : a.units) {
                units.add(unitRow(u, ""));
                for (Unit sub : model.allUnits()) {
                    if (sub.principal == u) {
                        units.add(unitRow(sub, "  "));
                    }
                }
            }
        }
        out.append(table(List.of("Unit", "Workload", "Agent", "Machine", "Address", "Ports", "Message"), units));
        out.append('\n');
        List<List<String>> machines = new ArrayList<>();
        for (Machine m : model.machines.values()) {
            String state = m.lxc == null ? "started" : m.lxc.state();
            machines.add(List.of(
                    m.id,
                    "RUNNING".equals(state) ? "started" : state.toLowerCase(),
                    m.address,
                    m.lxc == null ? "host" : m.lxc.name()));
        }
        out.append(table(List.of("Machine", "State", "Address", "Inst id"), machines));
        return out.toString();
    }

    private static List<String> unitRow(Unit u, String indent) {
        String workload = "error".equals(u.agent) ? "error" : u.workload.status();
        String message = "error".equals(u.agent) ? "hook failed: \"" + u.errorHook + "\"" : u.workload.message();
        return List.of(
                indent + u.name + (u.leader ? "*" : ""),
                workload,
                u.agent,
                u.principal == null ? u.machine.id : "",
                u.machine.address,
                String.join(",", u.ports),
                message);
    }

    /** The leader's application status if it set one, else the most severe unit status, as Juju derives it. */
    static Status appStatus(Application a) {
        if (!"unknown".equals(a.appStatus.status())) {
            return a.appStatus;
        }
        Status worst = Status.UNKNOWN;
        for (Unit u : a.units) {
            Status st =
                    "error".equals(u.agent) ? new Status("error", "hook failed: \"" + u.errorHook + "\"") : u.workload;
            if (SEVERITY.getOrDefault(st.status(), 0) > SEVERITY.getOrDefault(worst.status(), 0)) {
                worst = st;
            }
        }
        return worst;
    }

    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
