package dev.instanceha.hacluster.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.instanceha.hacluster.ClusterOptions;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.RealHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan as one patch, applied by pacemaker's own cibadmin to a CIB kept in a file
 * ({@code CIB_file=}: no daemon needed). Proves what the fake cannot: pacemaker accepts the patch
 * format, validates the whole result before keeping any of it, and refuses a patch computed from a
 * CIB that changed since.
 */
class CibPatchWithRealCibadminTest {
    static final RealHost HOST = new RealHost();

    @BeforeAll
    static void cibadminIsInstalled() {
        CommandResult r =
                HOST.commands().run(Command.of("cibadmin", "--version").withTimeout(Duration.ofSeconds(20)));
        if (!r.succeeded()) {
            fail("cibadmin (pacemaker's CLI) is needed: apt-get install pacemaker-cli-utils pacemaker-schemas "
                    + "(tests/lab/install sets up the whole lab)");
        }
    }

    /** A fresh CIB as pacemaker writes it ({@code cibadmin --empty}), in a file. */
    static LiveCib freshCib(Path dir) throws Exception {
        CommandResult empty =
                HOST.commands().run(Command.of("cibadmin", "--empty").withTimeout(Duration.ofSeconds(20)));
        assertTrue(empty.succeeded(), empty.stderr());
        Path file = Files.writeString(dir.resolve("cib.xml"), empty.stdout());
        return LiveCib.onFile(HOST, file);
    }

    static DesiredCib desired(List<RemoteNode> remotes) {
        return CibXml.desired(new CibInputs(
                CibXmlTest.masakari(),
                remotes,
                CibXmlTest.MEMBERS,
                Optional.of(CibXmlTest.MAAS),
                ClusterOptions.DEFAULTS));
    }

    static LiveCib.Outcome commit(LiveCib cib, DesiredCib desired) {
        CibSnapshot now = cib.snapshot().orElseThrow();
        return cib.commit(now, CibPlan.between(desired, now.configuration()));
    }

    @Test
    void aWholePlanAppliesAsOnePatchAndThenNothingIsLeftToDo(@TempDir Path dir) throws Exception {
        LiveCib cib = freshCib(dir);
        DesiredCib first = desired(List.of(CibXmlTest.compute(1, true, false), CibXmlTest.compute(2, true, false)));
        LiveCib.Outcome o1 = commit(cib, first);
        assertInstanceOf(LiveCib.Committed.class, o1, o1.toString());
        CibSnapshot after = cib.snapshot().orElseThrow();
        assertEquals(List.of(), CibPlan.between(first, after.configuration()), "the CIB holds the whole plan");
        assertEquals("true", CibPlan.properties(after.configuration()).get("stonith-enabled"));
        assertTrue(after.version("epoch") > 1, "a new epoch");

        // A remote leaves, another joins, an object changes, a property flips: again one patch.
        DesiredCib second = CibXml.desired(new CibInputs(
                CibXmlTest.masakari(),
                List.of(
                        CibXmlTest.compute(2, true, false),
                        new RemoteNode("compute-3.maas", "10.5.1.33", Optional.empty(), true)),
                CibXmlTest.MEMBERS,
                Optional.of(CibXmlTest.MAAS),
                new ClusterOptions("freeze", 60, 30, true)));
        assertInstanceOf(LiveCib.Committed.class, commit(cib, second));
        CibSnapshot later = cib.snapshot().orElseThrow();
        assertEquals(List.of(), CibPlan.between(second, later.configuration()));
        assertTrue(
                !later.configuration().toXml().contains("compute-1.maas"),
                later.configuration().toXml());
        assertEquals("freeze", CibPlan.properties(later.configuration()).get("no-quorum-policy"));
        // And pacemaker's scheduler finds nothing wrong with the configuration (state aside: the file
        // has no status, so no quorum and never-connected remotes).
        assertEquals(List.of(), verifyProblems(dir.resolve("cib.xml")));
        Path broken = Files.writeString(
                dir.resolve("broken.xml"),
                Files.readString(dir.resolve("cib.xml")).replaceFirst(" class=\"ocf\"", ""));
        assertTrue(!verifyProblems(broken).isEmpty(), "crm_verify must reject a primitive without a class");
    }

    /** crm_verify's complaints, less those about state a file without status cannot have. */
    static List<String> verifyProblems(Path file) {
        CommandResult verify = HOST.commands()
                .run(Command.of("crm_verify", "--xml-file", file.toString(), "-V")
                        .withTimeout(Duration.ofSeconds(60)));
        return (verify.stdout() + verify.stderr())
                .lines()
                .filter(l -> l.contains("error") || l.contains("warning:"))
                .filter(l -> !l.contains("due to lack of quorum")
                        && !l.matches(".*Node \\S+ is unclean but cannot be fenced.*")
                        && !l.matches(".*Scheduling node \\S+ for fencing.*"))
                .toList();
    }

    @Test
    void aPlanPacemakerRefusesLeavesTheFileByteForByteAsItWas(@TempDir Path dir) throws Exception {
        LiveCib cib = freshCib(dir);
        assertInstanceOf(LiveCib.Committed.class, commit(cib, desired(List.of(CibXmlTest.compute(1, true, false)))));
        byte[] before = Files.readAllBytes(dir.resolve("cib.xml"));
        CibSnapshot now = cib.snapshot().orElseThrow();
        // Valid changes around one pacemaker refuses: a resource id starting with a digit.
        DesiredCib grown = desired(List.of(CibXmlTest.compute(1, true, false), CibXmlTest.compute(2, true, false)));
        List<CibChange> plan = new ArrayList<>(CibPlan.between(grown, now.configuration()));
        XmlNode bad =
                XmlNode.parse("<primitive id=\"1compute.maas\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\"/>");
        plan.add(plan.size() / 2, CibChange.create("resources", bad));
        LiveCib.Outcome outcome = cib.commit(now, plan);
        LiveCib.Refused refused = assertInstanceOf(LiveCib.Refused.class, outcome);
        assertTrue(refused.reason().startsWith("Update does not conform to the configured schema"), refused.reason());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("cib.xml"))), "nothing applied");
    }

    @Test
    void aPatchComputedFromAnOlderCibIsRefusedNotApplied(@TempDir Path dir) throws Exception {
        LiveCib cib = freshCib(dir);
        CibSnapshot old = cib.snapshot().orElseThrow();
        assertInstanceOf(LiveCib.Committed.class, commit(cib, desired(List.of(CibXmlTest.compute(1, true, false)))));
        byte[] before = Files.readAllBytes(dir.resolve("cib.xml"));
        DesiredCib other = desired(List.of(CibXmlTest.compute(2, false, true)));
        assertInstanceOf(LiveCib.Stale.class, cib.commit(old, CibPlan.between(other, old.configuration())));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("cib.xml"))), "nothing applied");
    }

    @Test
    void thePatchTheFakeAppliesIsThePatchPacemakerApplies(@TempDir Path dir) throws Exception {
        LiveCib cib = freshCib(dir);
        CibSnapshot now = cib.snapshot().orElseThrow();
        DesiredCib wanted = desired(List.of(CibXmlTest.compute(1, true, false), CibXmlTest.compute(2, false, true)));
        List<CibChange> plan = CibPlan.between(wanted, now.configuration());
        XmlNode predicted = CibPatch.of(now, plan).orElseThrow().after();
        assertInstanceOf(LiveCib.Committed.class, cib.commit(now, plan));
        assertEquals(predicted, cib.snapshot().orElseThrow().configuration());
    }

    /** Our name rule against pacemaker's own: the schema's ID type decides what cibadmin takes. */
    @Test
    void remoteNamesTheRuleAcceptsPacemakerAcceptsAndTheOnesItRefusesAsIdsPacemakerRefuses(@TempDir Path dir)
            throws Exception {
        for (String name : List.of("compute-1.maas", "_c", "C_2.maas", "c.1a", "nova-host-1.cloud.example")) {
            assertTrue(dev.instanceha.interfaces.pacemaker.RemoteNodeName.isValid(name), name);
            assertInstanceOf(LiveCib.Committed.class, commitRemote(dir, name), name);
        }
        for (String name : List.of("1compute.maas", "9c", "0-node")) {
            assertTrue(
                    dev.instanceha.interfaces.pacemaker.RemoteNodeName.problem(name)
                            .orElseThrow()
                            .contains("not a valid pacemaker id"),
                    name);
            assertInstanceOf(
                    LiveCib.Refused.class, commitRemote(dir, name), name + " must be refused by pacemaker too");
        }
    }

    /** A connection resource named {@code name}, built without our validation, committed to a fresh CIB. */
    private static LiveCib.Outcome commitRemote(Path dir, String name) throws Exception {
        Path sub = Files.createTempDirectory(dir, "n");
        LiveCib cib = freshCib(sub);
        XmlNode connection = XmlNode.parse(RemoteResources.connection(CibXmlTest.compute(1, false, true))
                .toXml()
                .replace("compute-1.maas", name));
        return cib.commit(cib.snapshot().orElseThrow(), List.of(CibChange.create("resources", connection)));
    }
}
