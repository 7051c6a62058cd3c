package dev.instanceha.hacluster.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hacluster.ClusterOptions;
import dev.instanceha.hacluster.MaasSettings;
import dev.instanceha.interfaces.hacluster.HaResources;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class CibXmlTest {
    static final String VIP = "res_masakari_0ab3c1e_vip";
    static final MaasSettings MAAS = new MaasSettings(
            "http://maas.example:5240/MAAS",
            dev.instanceha.ops.model.Secret.of(
                    "Kq9ZbT2xHc7LmPa4Wd:Vn3RtY8uJe5GsQh1Xk:Pw6BzN4cMf9LaTr2EvYu7HjKd3Sx5QgZ"),
            30);
    static final List<String> MEMBERS = List.of("juju-m-2", "juju-m-0", "juju-m-1");

    /** masakari's request as its charm builds it (upstream shape). */
    static HaResources masakari() {
        return HaResources.builder()
                .primitive(
                        VIP,
                        "ocf:heartbeat:IPaddr2",
                        " params ip=\"10.5.100.1\" cidr_netmask=\"24\" nic=\"eth0\""
                                + " meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\""
                                + " op monitor timeout=\"20s\" interval=\"10s\" depth=\"0\"")
                .group("grp_masakari_vips", List.of(VIP))
                .primitive(
                        "res_masakari_haproxy",
                        "lsb:haproxy",
                        "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" op monitor interval=\"5s\"")
                .clone("cl_res_masakari_haproxy", "res_masakari_haproxy")
                .colocation("vip_with_haproxy", "inf: grp_masakari_vips cl_res_masakari_haproxy")
                .order("haproxy_before_vip", "Optional: cl_res_masakari_haproxy grp_masakari_vips")
                .deleteResource("res_masakari_old_vip")
                .build();
    }

    static RemoteNode compute(int n, boolean stonith, boolean resources) {
        String name = "compute-" + n + ".maas";
        return new RemoteNode(name, "10.5.1." + n, stonith ? Optional.of(name) : Optional.empty(), resources);
    }

    static DesiredCib desired(List<RemoteNode> remotes, Optional<MaasSettings> maas) {
        return CibXml.desired(new CibInputs(masakari(), remotes, MEMBERS, maas, ClusterOptions.DEFAULTS));
    }

    static XmlNode byId(List<XmlNode> objects, String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void vipPrimitiveIsNestedInItsGroupWithParamsMetaAndOps() {
        DesiredCib cib = desired(List.of(), Optional.empty());
        XmlNode group = byId(cib.resources(), "grp_masakari_vips");
        assertEquals(
                XmlNode.parse("<group id=\"grp_masakari_vips\">"
                        + "<primitive id=\"" + VIP + "\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                        + "<instance_attributes id=\"" + VIP + "-instance_attributes\">"
                        + "<nvpair id=\"" + VIP + "-instance_attributes-ip\" name=\"ip\" value=\"10.5.100.1\"/>"
                        + "<nvpair id=\"" + VIP
                        + "-instance_attributes-cidr_netmask\" name=\"cidr_netmask\" value=\"24\"/>"
                        + "<nvpair id=\"" + VIP + "-instance_attributes-nic\" name=\"nic\" value=\"eth0\"/>"
                        + "</instance_attributes>"
                        + "<meta_attributes id=\"" + VIP + "-meta_attributes\">"
                        + "<nvpair id=\"" + VIP
                        + "-meta_attributes-migration-threshold\" name=\"migration-threshold\" value=\"INFINITY\"/>"
                        + "<nvpair id=\"" + VIP
                        + "-meta_attributes-failure-timeout\" name=\"failure-timeout\" value=\"5s\"/>"
                        + "</meta_attributes>"
                        + "<operations><op id=\"" + VIP
                        + "-monitor-10s\" name=\"monitor\" interval=\"10s\" timeout=\"20s\">"
                        + "<instance_attributes id=\"" + VIP + "-monitor-10s-instance_attributes\">"
                        + "<nvpair id=\"" + VIP
                        + "-monitor-10s-instance_attributes-OCF_CHECK_LEVEL\" name=\"OCF_CHECK_LEVEL\" value=\"0\"/>"
                        + "</instance_attributes></op></operations></primitive></group>"),
                group);
        assertFalse(cib.resources().stream().anyMatch(r -> r.id().equals(VIP)), "not also top-level");
    }

    @Test
    void cloneWrapsHaproxyAndConstraintsTranslate() {
        DesiredCib cib = desired(List.of(), Optional.empty());
        XmlNode clone = byId(cib.resources(), "cl_res_masakari_haproxy");
        assertEquals("clone", clone.tag());
        XmlNode inner = clone.child("primitive").orElseThrow();
        assertEquals(Map.of("id", "res_masakari_haproxy", "class", "lsb", "type", "haproxy"), inner.attributes());
        assertEquals(List.of("grp_masakari_vips", "cl_res_masakari_haproxy"), cib.principalIds());
        assertEquals(
                XmlNode.parse("<rsc_colocation id=\"vip_with_haproxy\" score=\"INFINITY\" rsc=\"grp_masakari_vips\" "
                        + "with-rsc=\"cl_res_masakari_haproxy\"/>"),
                byId(cib.constraints(), "vip_with_haproxy"));
        assertEquals(
                XmlNode.parse(
                        "<rsc_order id=\"haproxy_before_vip\" kind=\"Optional\" first=\"cl_res_masakari_haproxy\" "
                                + "then=\"grp_masakari_vips\"/>"),
                byId(cib.constraints(), "haproxy_before_vip"));
        assertEquals(List.of("res_masakari_old_vip"), cib.deleteIds());
    }

    @Test
    void remotesBecomeConnectionResourcesSpreadOverMembers() {
        DesiredCib cib = desired(
                List.of(
                        compute(2, false, true),
                        compute(1, false, true),
                        compute(3, false, true),
                        compute(4, false, true)),
                Optional.empty());
        assertEquals(
                XmlNode.parse("<primitive id=\"compute-1.maas\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\">"
                        + "<instance_attributes id=\"compute-1.maas-instance_attributes\">"
                        + "<nvpair id=\"compute-1.maas-instance_attributes-server\" name=\"server\" value=\"10.5.1.1\"/>"
                        + "<nvpair id=\"compute-1.maas-instance_attributes-reconnect_interval\" name=\"reconnect_interval\" value=\"60\"/>"
                        + "</instance_attributes><operations><op id=\"compute-1.maas-monitor-30s\" name=\"monitor\" interval=\"30s\"/>"
                        + "</operations></primitive>"),
                byId(cib.resources(), "compute-1.maas"));
        List<String> homes = cib.constraints().stream()
                .filter(c -> "200".equals(c.attributes().get("score")))
                .map(c -> c.attributes().get("rsc") + "@" + c.attributes().get("node"))
                .toList();
        assertEquals(
                List.of(
                        "compute-1.maas@juju-m-0",
                        "compute-2.maas@juju-m-1",
                        "compute-3.maas@juju-m-2",
                        "compute-4.maas@juju-m-0"),
                homes);
        assertTrue(
                cib.constraints().stream()
                        .noneMatch(c -> "-INFINITY".equals(c.attributes().get("score"))),
                "every remote accepts resources");
        assertEquals("false", cib.properties().get("stonith-enabled"));
    }

    @Test
    void remotesRefusingResourcesGetOneRulePerClusterResource() {
        DesiredCib cib = desired(List.of(compute(1, true, false), compute(2, true, true)), Optional.of(MAAS));
        List<String> keepOff = cib.constraints().stream()
                .filter(c -> "-INFINITY".equals(c.attributes().get("score")))
                .map(XmlNode::id)
                .toList();
        assertEquals(
                List.of(
                        "loc-grp_masakari_vips-compute-1.maas",
                        "loc-cl_res_masakari_haproxy-compute-1.maas",
                        "loc-st-maas-compute-1.maas"),
                keepOff);
        XmlNode clone = byId(cib.resources(), "cl_res_masakari_haproxy");
        assertTrue(clone.toXml().contains("name=\"clone-max\" value=\"3\""), "clones capped at the members: " + clone);
    }

    @Test
    void maasDeviceNamesTheKeyFileAndTheFencedNodes() {
        RemoteNode aliased = new RemoteNode("nova-7.cloud", "10.5.1.7", Optional.of("node-7"), false);
        DesiredCib cib =
                desired(List.of(compute(2, true, false), compute(1, false, false), aliased), Optional.of(MAAS));
        XmlNode device = byId(cib.resources(), "st-maas");
        assertEquals(Map.of("id", "st-maas", "class", "stonith", "type", "fence_maas"), device.attributes());
        Map<String, String> params = new java.util.LinkedHashMap<>();
        device.child("instance_attributes")
                .orElseThrow()
                .children()
                .forEach(p ->
                        params.put(p.attributes().get("name"), p.attributes().get("value")));
        assertEquals(
                Map.of(
                        "url",
                        MAAS.url(),
                        "api_key_file",
                        "/etc/pacemaker/maas-api.key",
                        "pcmk_host_list",
                        "compute-2.maas nova-7.cloud",
                        "hostname_map",
                        "nova-7.cloud:node-7",
                        "power_timeout",
                        "30"),
                params);
        assertEquals("true", cib.properties().get("stonith-enabled"));
        assertEquals(
                "stonith-enabled",
                List.copyOf(cib.properties().keySet()).get(cib.properties().size() - 1));
        assertFalse(cib.toCibDocument().contains(MAAS.apiKey().reveal()));
        assertFalse(cib.toCibDocument().contains(MAAS.apiKey().reveal().split(":")[2]));
    }

    @Test
    void noDeviceWithoutMaasOrWithoutFencedRemotes() {
        assertFalse(desired(List.of(compute(1, true, false)), Optional.empty())
                .toCibDocument()
                .contains("st-maas"));
        assertFalse(desired(List.of(compute(1, false, false)), Optional.of(MAAS))
                .toCibDocument()
                .contains("st-maas"));
    }

    @Test
    void wholeDocumentIsWellFormedAndEveryIdUnique() throws Exception {
        DesiredCib cib = desired(List.of(compute(1, true, false), compute(2, false, true)), Optional.of(MAAS));
        String doc = cib.toCibDocument();
        var factory = DocumentBuilderFactory.newInstance();
        var parsed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
        assertEquals("cib", parsed.getDocumentElement().getTagName());
        XmlNode root = XmlNode.parse(doc);
        List<String> ids = root.descendants().stream()
                .map(XmlNode::id)
                .filter(id -> !id.isEmpty())
                .toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "duplicate ids: " + ids);
        assertTrue(ids.stream().allMatch(id -> id.matches("[A-Za-z_][A-Za-z0-9_.-]*")), ids.toString());
        assertEquals(
                List.of("crm_config", "nodes", "resources", "constraints", "rsc_defaults"),
                root.child("configuration").orElseThrow().children().stream()
                        .map(XmlNode::tag)
                        .toList());
    }

    @Test
    void sameInputsInAnyOrderGiveTheSameCib() {
        DesiredCib a = desired(List.of(compute(1, true, false), compute(2, true, false)), Optional.of(MAAS));
        DesiredCib b = desired(List.of(compute(2, true, false), compute(1, true, false)), Optional.of(MAAS));
        assertEquals(a.toCibDocument(), b.toCibDocument());
    }

    @Test
    void unsupportedCrmSyntaxNamesTheObject() {
        HaResources odd = HaResources.builder()
                .primitive("res_x", "ocf:heartbeat:IPaddr2", "params ip=1.2.3.4 bogus")
                .build();
        CrmSyntaxException e = assertThrows(
                CrmSyntaxException.class,
                () -> CibXml.desired(
                        new CibInputs(odd, List.of(), MEMBERS, Optional.empty(), ClusterOptions.DEFAULTS)));
        assertEquals("res_x", e.objectId());
        HaResources rule = HaResources.builder()
                .location("loc_x", "res_x rule -inf: defined foo")
                .build();
        assertThrows(
                CrmSyntaxException.class,
                () -> CibXml.desired(
                        new CibInputs(rule, List.of(), MEMBERS, Optional.empty(), ClusterOptions.DEFAULTS)));
        HaResources agent =
                HaResources.builder().primitive("res_y", "IPaddr2", "").build();
        assertThrows(
                CrmSyntaxException.class,
                () -> CibXml.desired(
                        new CibInputs(agent, List.of(), MEMBERS, Optional.empty(), ClusterOptions.DEFAULTS)));
    }

    @Test
    void msBecomesAPromotableClone() {
        HaResources ha = HaResources.builder()
                .primitive("res_db", "ocf:heartbeat:pgsql", "")
                .ms("ms_db", "res_db meta notify=true")
                .location("loc_db", "ms_db 100: juju-m-0")
                .build();
        DesiredCib cib =
                CibXml.desired(new CibInputs(ha, List.of(), MEMBERS, Optional.empty(), ClusterOptions.DEFAULTS));
        XmlNode ms = byId(cib.resources(), "ms_db");
        assertTrue(ms.toXml().contains("name=\"promotable\" value=\"true\""), ms.toXml());
        assertTrue(ms.toXml().contains("name=\"notify\" value=\"true\""), ms.toXml());
        assertEquals(
                XmlNode.parse("<rsc_location id=\"loc_db\" rsc=\"ms_db\" score=\"100\" node=\"juju-m-0\"/>"),
                byId(cib.constraints(), "loc_db"));
    }

    @Test
    void clusterPropertiesAndDefaultsFollowConfig() {
        DesiredCib cib = CibXml.desired(new CibInputs(
                HaResources.EMPTY, List.of(), MEMBERS, Optional.empty(), new ClusterOptions("freeze", 300, 120, true)));
        assertEquals(
                Map.of(
                        "symmetric-cluster",
                        "true",
                        "no-quorum-policy",
                        "freeze",
                        "cluster-recheck-interval",
                        "120s",
                        "maintenance-mode",
                        "true",
                        "stonith-enabled",
                        "false"),
                cib.properties());
        assertTrue(cib.rscDefaults().toXml().contains("name=\"failure-timeout\" value=\"300s\""));
        assertTrue(cib.rscDefaults().toXml().contains("name=\"resource-stickiness\" value=\"100\""));
    }
}
