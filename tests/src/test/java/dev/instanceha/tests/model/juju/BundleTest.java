package dev.instanceha.tests.model.juju;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    @TempDir
    Path dir;

    @Test
    void readsTheGateBundleWithLocalCharmPathsResolvedAgainstTheBundle() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(repo.resolve("tests/bundles"))) {
            repo = repo.getParent();
        }
        Bundle b = Bundle.read(repo.resolve("tests/bundles/lab.yaml"), List.of());
        assertEquals(3, b.applications().get("masakari").numUnits());
        assertEquals(
                repo.resolve("charm-masakari/target/masakari.charm").toString(),
                b.applications().get("masakari").charm());
        assertTrue(b.applications().get("masakari").isLocal());
        assertFalse(b.applications().get("keystone").isLocal());
        assertEquals(3, b.applications().get("hacluster").options().get("cluster_count"));
        assertEquals(
                new Bundle.End("hacluster", "pacemaker-remote"),
                b.relations().get(7).a());
        assertEquals(9, b.relations().size());
    }

    @Test
    void anOverlayReplacesKeysMergesOptionsRemovesApplicationsAndAddsRelations() throws Exception {
        Path base = dir.resolve("b.yaml");
        Files.writeString(
                base,
                "applications:\n  a:\n    charm: ch:keystone\n    num_units: 1\n    options: {x: 1, y: 2}\n"
                        + "  b:\n    charm: ch:rabbitmq-server\n    num_units: 1\nrelations:\n- [a, b]\n");
        Path overlay = dir.resolve("o.yaml");
        Files.writeString(
                overlay,
                "applications:\n  a:\n    num_units: 3\n    options: {y: 5}\n  b:\nrelations:\n- [a:x, c:y]\n");
        Bundle b = Bundle.read(base, List.of(overlay));
        assertEquals(3, b.applications().get("a").numUnits());
        assertEquals(1, b.applications().get("a").options().get("x"));
        assertEquals(5, b.applications().get("a").options().get("y"));
        assertFalse(b.applications().containsKey("b"));
        assertEquals(2, b.relations().size());
        assertEquals(new Bundle.End("c", "y"), b.relations().get(1).b());
    }

    @Test
    void aBundleWithoutApplicationsOrWithABadRelationIsRefusedNamingTheProblem() throws Exception {
        Path empty = dir.resolve("e.yaml");
        Files.writeString(empty, "description: nothing\n");
        assertTrue(assertThrows(ModelException.class, () -> Bundle.read(empty, List.of()))
                .getMessage()
                .contains("'applications'"));
        Path bad = dir.resolve("r.yaml");
        Files.writeString(bad, "applications:\n  a:\n    charm: ch:keystone\nrelations:\n- [a]\n");
        assertTrue(assertThrows(ModelException.class, () -> Bundle.read(bad, List.of()))
                .getMessage()
                .contains("two endpoints"));
    }
}
