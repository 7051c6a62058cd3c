package dev.instanceha.ops.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AptPackagesTest {
    /** dpkg-query knows {@code installed}; apt-get install fails {@code failuresLeft} times. */
    static final class FakeApt implements Commands {
        final Set<String> installed;
        final List<String> log = new ArrayList<>();
        int failuresLeft;

        FakeApt(Set<String> installed) {
            this.installed = new java.util.HashSet<>(installed);
        }

        @Override
        public CommandResult run(Command command) {
            log.add(command.display());
            List<String> argv = command.argv();
            if (argv.get(0).equals("dpkg-query")) {
                String name = argv.get(argv.size() - 1);
                return installed.contains(name)
                        ? new CommandResult(0, "installed 14.0.2-1", "", false)
                        : new CommandResult(1, "", "no packages found matching " + name, false);
            }
            if (argv.contains("install")) {
                assertEquals("noninteractive", command.environment().get("DEBIAN_FRONTEND"));
                if (failuresLeft-- > 0) {
                    return new CommandResult(100, "", "E: Unable to locate package", false);
                }
                installed.addAll(argv.subList(argv.indexOf("--force-confold") + 1, argv.size()).stream()
                        .filter(a -> !a.startsWith("-"))
                        .toList());
            }
            return new CommandResult(0, "", "", false);
        }

        @Override
        public boolean exists(String program) {
            return true;
        }
    }

    @Test
    void installsOnlyMissingPackages() {
        FakeApt apt = new FakeApt(Set.of("masakari-api"));
        AptPackages packages = new AptPackages(apt);
        assertEquals(List.of("masakari-engine"), packages.install(List.of("masakari-api", "masakari-engine")));
        assertTrue(
                apt.log.stream().anyMatch(l -> l.startsWith("apt-get install -y -q") && l.endsWith("masakari-engine")));
        apt.log.clear();
        assertEquals(List.of(), packages.install(List.of("masakari-api", "masakari-engine")));
        assertTrue(apt.log.stream().noneMatch(l -> l.startsWith("apt-get")), "second install runs no apt");
    }

    @Test
    void refreshesTheIndexOnceWhenInstallFails() {
        FakeApt apt = new FakeApt(Set.of());
        apt.failuresLeft = 1;
        new AptPackages(apt).install(List.of("corosync"));
        assertEquals(
                1, apt.log.stream().filter(l -> l.startsWith("apt-get update")).count());
        assertTrue(apt.installed.contains("corosync"));
    }

    @Test
    void persistentFailureIsReported() {
        FakeApt apt = new FakeApt(Set.of());
        apt.failuresLeft = 5;
        CommandFailedException e =
                assertThrows(CommandFailedException.class, () -> new AptPackages(apt).install(List.of("no-such-pkg")));
        assertTrue(e.getMessage().startsWith("apt-get exited 100"), e.getMessage());
    }

    @Test
    void versionOfInstalledPackage() {
        AptPackages packages = new AptPackages(new FakeApt(Set.of("masakari-api")));
        assertEquals(Optional.of("14.0.2-1"), packages.version("masakari-api"));
        assertEquals(Optional.empty(), packages.version("nova-compute"));
    }

    @Test
    void realDpkgQueryAnswersForAnInstalledPackage() {
        // dpkg itself is always installed on Debian and Ubuntu: proves the query format is right.
        AptPackages packages = new AptPackages(new ProcessCommands());
        assertTrue(packages.version("dpkg").isPresent());
        assertTrue(packages.version("no-such-package-xyz").isEmpty());
    }
}
