package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.NodeType;
import org.junit.jupiter.api.Test;

/** Parsing of crm_mon -X as pacemaker 2.1.5 prints it (trimmed from the lab). */
class ClusterSnapshotTest {
    private static final String XML = """
            <crm_mon version="2.1.5">
              <summary>
                <current_dc present="true" version="2.1.5-a3f44794f94" name="lab-controller" id="1" with_quorum="true"/>
                <nodes_configured number="3"/>
              </summary>
              <nodes>
                <node name="compute1" id="compute1" online="true" unclean="false" type="remote"/>
                <node name="compute3" id="compute3" online="false" unclean="true" type="remote"/>
                <node name="lab-controller" id="1" online="true" unclean="false" type="member"/>
              </nodes>
              <resources>
                <resource id="compute3" resource_agent="ocf:pacemaker:remote" role="Stopped">
                  <node name="compute3" id="1" cached="true"/>
                </resource>
              </resources>
              <node_history><node name="lab-controller"/></node_history>
            </crm_mon>
            """;

    @Test
    void nodesComeOnlyFromTheNodesSection() {
        CrmMonView s = CrmMonView.parse(XML);
        assertEquals(3, s.cluster().nodes().size());
        assertTrue(s.cluster().online("compute1"));
        assertFalse(s.cluster().online("compute3"));
        assertTrue(s.cluster().node("compute3").orElseThrow().unclean());
        assertEquals(
                NodeType.MEMBER,
                s.cluster().node("lab-controller").orElseThrow().type());
        assertFalse(s.cluster().online("compute9"), "an unknown node is not online");
        assertTrue(s.cluster().quorate());
        assertEquals("lab-controller", s.cluster().dcName().orElse(null));
    }

    @Test
    void garbageIsAnAssertionFailureNotASkip() {
        assertThrows(
                AssertionError.class, () -> CrmMonView.parse("crm_mon: Error: cluster is not available on this node"));
    }

    @Test
    void aCrmMonStillStartingIsNoViewYetForAWait() {
        String starting = """
                <pacemaker-result api-version="2.38" request="crm_mon -1 --output-as=xml">
                  <pacemakerd sys_from="pacemakerd" state="running" last_updated="2026-12-08 01:05:31Z"/>
                  <status code="0" message="OK">
                    <errors><error>Could not connect to the CIB: Transport endpoint is not connected</error></errors>
                  </status>
                </pacemaker-result>
                """;
        assertTrue(CrmMonView.tryParse(starting).isEmpty());
        assertTrue(CrmMonView.tryParse(XML).isPresent());
        assertEquals(
                "lab-controller",
                CrmMonView.tryParse(XML).orElseThrow().cluster().dcName().orElse(null));
    }

    @Test
    void addressesFollowTheLabPlan() {
        assertEquals("10.251.0.2", Cluster.address("compute1"));
        assertEquals("10.251.0.21", Cluster.address("compute20"));
        assertEquals("10.251.1.1", Cluster.address("compute250"));
    }
}
