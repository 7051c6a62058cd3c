package dev.instanceha.hacluster.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hacluster.ClusterOptions;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CibPlanTest {
    static final XmlNode EMPTY =
            XmlNode.parse("<configuration><crm_config/><nodes/><resources/><constraints/></configuration>");

    static DesiredCib desired(List<RemoteNode> remotes) {
        return CibXml.desired(new CibInputs(
                CibXmlTest.masakari(),
                remotes,
                CibXmlTest.MEMBERS,
                Optional.of(CibXmlTest.MAAS),
                ClusterOptions.DEFAULTS));
    }

    @Test
    void anEmptyCibGetsEverythingCreatedResourcesBeforeConstraintsFencingLast() {
        DesiredCib d = desired(List.of(CibXmlTest.compute(1, true, false)));
        List<CibChange> plan = CibPlan.between(d, EMPTY);
        List<String> steps = plan.stream().map(CibChange::description).toList();
        int lastResource = steps.lastIndexOf("create primitive st-maas");
        int firstConstraint = steps.indexOf("create rsc_location loc-compute-1.maas-juju-m-0");
        assertTrue(lastResource >= 0 && firstConstraint > lastResource, steps.toString());
        assertEquals("set cluster property stonith-enabled=true", steps.get(steps.size() - 1));
        assertEquals(
                List.of("cibadmin", "--create", "--scope", "resources", "--xml-text"),
                plan.get(0).command().argv().subList(0, 5));
    }

    @Test
    void aCibWithoutRscDefaultsGetsTheWholeSectionCreatedUnderConfiguration() {
        // Real cibadmin refuses --create into a missing section (found on the lab's fresh CIB).
        DesiredCib d = desired(List.of());
        CibChange change = CibPlan.between(d, EMPTY).stream()
                .filter(c -> c.objectId().equals(d.rscDefaults().id()))
                .findFirst()
                .orElseThrow();
        List<String> argv = change.command().argv();
        assertEquals(List.of("cibadmin", "--create", "--scope", "configuration", "--xml-text"), argv.subList(0, 5));
        assertTrue(argv.get(5).startsWith("<rsc_defaults>"), argv.get(5));
    }

    @Test
    void theConfigurationItProducesNeedsNoFurtherChange() {
        DesiredCib d = desired(List.of(CibXmlTest.compute(1, true, false), CibXmlTest.compute(2, false, true)));
        XmlNode applied = d.configuration();
        assertEquals(List.of(), CibPlan.between(d, applied));
    }

    @Test
    void changedObjectsAreReplacedAndOnlyThose() {
        DesiredCib before = desired(List.of(CibXmlTest.compute(1, true, false)));
        RemoteNode moved = new RemoteNode("compute-1.maas", "10.5.9.9", Optional.of("compute-1.maas"), false);
        List<CibChange> plan = CibPlan.between(desired(List.of(moved)), before.configuration());
        assertEquals(
                List.of("update primitive compute-1.maas"),
                plan.stream().map(CibChange::description).toList());
    }

    @Test
    void goneRemoteLosesItsConnectionRulesAndNodeAndFencingGoesOffFirst() {
        DesiredCib before = desired(List.of(CibXmlTest.compute(1, true, false)));
        List<CibChange> plan = CibPlan.between(desired(List.of()), before.configuration());
        List<String> steps = plan.stream().map(CibChange::description).toList();
        assertEquals("set cluster property stonith-enabled=false", steps.get(0), steps.toString());
        assertTrue(
                steps.containsAll(List.of(
                        "delete rsc_location loc-grp_masakari_vips-compute-1.maas",
                        "delete rsc_location loc-compute-1.maas-juju-m-0",
                        "delete primitive compute-1.maas",
                        "delete primitive st-maas",
                        "remove node compute-1.maas")),
                steps.toString());
        assertTrue(
                steps.indexOf("delete rsc_location loc-compute-1.maas-juju-m-0")
                        < steps.indexOf("delete primitive compute-1.maas"),
                "constraints before the resource they name");
    }

    @Test
    void thePackagesDefaultNode1IsForgottenOnceAndAMemberOfThatNameIsKept() {
        DesiredCib d = desired(List.of());
        XmlNode config = d.configuration();
        XmlNode withNode1 = XmlNode.of(
                "configuration",
                config.attributes(),
                config.children().stream()
                        .map(c -> c.tag().equals("nodes")
                                ? XmlNode.parse("<nodes><node id=\"1\" uname=\"node1\"/>"
                                        + "<node id=\"1000\" uname=\"juju-m-0\"/></nodes>")
                                : c)
                        .toList());
        assertEquals(
                List.of("remove node node1"),
                CibPlan.between(d, withNode1).stream()
                        .map(CibChange::description)
                        .toList());
        assertEquals(
                List.of("crm_node", "--force", "--remove", "node1"),
                CibPlan.between(d, withNode1).get(0).command().argv().subList(0, 4));
        DesiredCib memberNamedNode1 = CibXml.desired(new CibInputs(
                CibXmlTest.masakari(),
                List.of(),
                List.of("node1"),
                Optional.of(CibXmlTest.MAAS),
                ClusterOptions.DEFAULTS));
        assertTrue(
                CibPlan.between(memberNamedNode1, withNode1).stream()
                        .noneMatch(c -> c.description().equals("remove node node1")),
                "a member really named node1 stays");
    }

    @Test
    void foreignObjectsAreLeftAlone() {
        DesiredCib d = desired(List.of());
        XmlNode config = d.configuration();
        List<XmlNode> resources =
                new ArrayList<>(config.child("resources").orElseThrow().children());
        resources.add(XmlNode.parse(
                "<primitive id=\"res_operator_added\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"));
        List<XmlNode> constraints =
                new ArrayList<>(config.child("constraints").orElseThrow().children());
        constraints.add(
                XmlNode.parse("<rsc_location id=\"loc-res_masakari_haproxy-juju-m-0\" rsc=\"res_masakari_haproxy\" "
                        + "score=\"0\" node=\"juju-m-0\"/>")); // upstream's opt-in rule for a member
        List<XmlNode> sections = new ArrayList<>();
        for (XmlNode s : config.children()) {
            sections.add(
                    s.tag().equals("resources")
                            ? s.withChildren(resources)
                            : s.tag().equals("constraints") ? s.withChildren(constraints) : s);
        }
        assertEquals(List.of(), CibPlan.between(d, config.withChildren(sections)));
    }

    @Test
    void principalsDeleteRequestRemovesTheResourceAndItsConstraints() {
        DesiredCib d = desired(List.of());
        XmlNode config = d.configuration();
        List<XmlNode> sections = new ArrayList<>();
        for (XmlNode s : config.children()) {
            if (s.tag().equals("resources")) {
                List<XmlNode> r = new ArrayList<>(s.children());
                r.add(
                        XmlNode.parse(
                                "<primitive id=\"res_masakari_old_vip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>"));
                sections.add(s.withChildren(r));
            } else if (s.tag().equals("constraints")) {
                List<XmlNode> c = new ArrayList<>(s.children());
                c.add(XmlNode.parse(
                        "<rsc_colocation id=\"old_with_haproxy\" score=\"INFINITY\" rsc=\"res_masakari_old_vip\" "
                                + "with-rsc=\"cl_res_masakari_haproxy\"/>"));
                sections.add(s.withChildren(c));
            } else {
                sections.add(s);
            }
        }
        List<String> steps = CibPlan.between(d, config.withChildren(sections)).stream()
                .map(CibChange::description)
                .toList();
        assertEquals(List.of("delete rsc_colocation old_with_haproxy", "delete primitive res_masakari_old_vip"), steps);
    }

    @Test
    void nonLeaderSeesWhichPrincipalResourceIsPending() {
        DesiredCib d = desired(List.of());
        assertEquals(Optional.of("grp_masakari_vips"), CibPlan.firstPending(d, CibPlan.between(d, EMPTY)));
        assertEquals(Optional.empty(), CibPlan.firstPending(d, CibPlan.between(d, d.configuration())));
    }

    @Test
    void xmlNodeEqualityIgnoresAttributeOrderButNotValues() {
        assertEquals(
                XmlNode.parse("<op id=\"a\" name=\"monitor\"/>"), XmlNode.parse("<op name=\"monitor\" id=\"a\"/>"));
        assertTrue(!XmlNode.parse("<op id=\"a\" name=\"monitor\"/>")
                .equals(XmlNode.parse("<op id=\"a\" name=\"start\"/>")));
        assertEquals(
                Map.of("v", "a\"<&'b"),
                XmlNode.parse(XmlNode.leaf("x", Map.of("v", "a\"<&'b")).toXml()).attributes());
    }
}
