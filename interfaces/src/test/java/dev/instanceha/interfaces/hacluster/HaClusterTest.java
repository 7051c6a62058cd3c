package dev.instanceha.interfaces.hacluster;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HaClusterTest {
    private static final String VIP_PARAMS = "params ip=\"10.5.0.100\" nic=\"eth0\" cidr_netmask=\"24\" "
            + "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" "
            + "op monitor timeout=\"20s\" interval=\"10s\" depth=\"0\"";
    private static final String HAPROXY_PARAMS =
            "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" " + "op monitor interval=\"5s\"";

    /** The objects masakari asks for with one VIP on eth0 (anchor-charms.md §2.3 "Exact HA resources"). */
    static HaResources masakariResources() {
        return HaResources.builder()
                .primitive("res_masakari_eth0_vip", "ocf:heartbeat:IPaddr2", VIP_PARAMS)
                .primitive("res_masakari_haproxy", "lsb:haproxy", HAPROXY_PARAMS)
                .group("grp_masakari_vips", List.of("res_masakari_eth0_vip"))
                .clone("cl_res_masakari_haproxy", "res_masakari_haproxy")
                .initService("haproxy")
                .build();
    }

    /**
     * masakari/0's databag as charm-interface-hacluster writes it (juju-contract.md §5.7): only the
     * non-empty CRM fields, each json.dumps(sort_keys=True); corosync keys raw.
     */
    static Map<String, String> upstreamPrincipal() {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.10"));
        m.put("corosync_bindiface", "eth0");
        m.put("corosync_mcastport", "4440");
        m.put(
                "json_resources",
                "{\"res_masakari_eth0_vip\": \"ocf:heartbeat:IPaddr2\", "
                        + "\"res_masakari_haproxy\": \"lsb:haproxy\"}");
        m.put(
                "json_resource_params",
                "{\"res_masakari_eth0_vip\": \"" + VIP_PARAMS.replace("\"", "\\\"") + "\", \"res_masakari_haproxy\": \""
                        + HAPROXY_PARAMS.replace("\"", "\\\"") + "\"}");
        m.put("json_groups", "{\"grp_masakari_vips\": \"res_masakari_eth0_vip\"}");
        m.put("json_clones", "{\"cl_res_masakari_haproxy\": \"res_masakari_haproxy\"}");
        m.put("json_init_services", "[\"haproxy\"]");
        m.put("json_delete_resources", "[\"res_masakari_1b3c5d7_vip\"]");
        return m;
    }

    private static HaClusterProvider provider(List<? extends dev.instanceha.ops.model.RelationView> relations) {
        return new HaClusterProvider(FixedEndpoint.of(HaClusterProvider.ENDPOINT, relations));
    }

    /** What the provider publishes on its ha relations. */
    private static Map<String, String> providerAnswer(boolean clustered) {
        FixedEndpoint ha = FixedEndpoint.of(HaClusterProvider.ENDPOINT);
        new HaClusterProvider(ha).publish(clustered);
        return ha.published();
    }

    /** What the principal publishes on ha when it requests {@code resources}. */
    private static Map<String, String> sent(HaResources resources, Optional<String> bindIface, int mcastPort) {
        FixedEndpoint endpoint = FixedEndpoint.of(HaClusterRequirer.ENDPOINT);
        new HaClusterRequirer(endpoint).request(resources, bindIface, mcastPort);
        return endpoint.published();
    }

    /** masakari's own request: one VIP on eth0, the default multicast port. */
    private static Map<String, String> sentByMasakari() {
        return sent(masakariResources(), Optional.of("eth0"), HaClusterRequirer.DEFAULT_MCAST_PORT);
    }

    private static HaClusterRequirer requirer(List<? extends RelationView> relations) {
        return new HaClusterRequirer(FixedEndpoint.of(HaClusterRequirer.ENDPOINT, relations));
    }

    private Completeness<HaRequest> providerRead(Map<String, String> principal) {
        return provider(one("ha", "masakari", principal)).read();
    }

    @Test
    void requirerSendsJsonKeysByteCompatibleWithUpstream() {
        Map<String, String> sent = sentByMasakari();
        Map<String, String> upstream = upstreamPrincipal();
        for (String key : List.of(
                "json_resources",
                "json_resource_params",
                "json_groups",
                "json_clones",
                "json_init_services",
                "corosync_bindiface",
                "corosync_mcastport")) {
            assertEquals(upstream.get(key), sent.get(key), key);
        }
        // Fields upstream would leave out are sent empty, so a stale value cannot linger.
        assertEquals("[]", sent.get("json_delete_resources"));
        assertEquals("{}", sent.get("json_colocations"));
    }

    @Test
    void whatWeSendParsesAsHaclusterReadsIt() throws Exception {
        Map<String, String> sent = sentByMasakari();
        JsonNode resources = HaclusterPeer.parseData(sent, "resources");
        assertEquals(
                "ocf:heartbeat:IPaddr2", resources.get("res_masakari_eth0_vip").asText());
        assertEquals(
                VIP_PARAMS,
                HaclusterPeer.parseData(sent, "resource_params")
                        .get("res_masakari_eth0_vip")
                        .asText());
        assertEquals(
                "haproxy", HaclusterPeer.parseData(sent, "init_services").get(0).asText());
        assertEquals(0, HaclusterPeer.parseData(sent, "delete_resources").size());
        // And our own provider sees exactly the objects we built.
        HaRequest req = providerRead(sent).value().orElseThrow();
        assertEquals(masakariResources(), req.resources());
        assertEquals(Optional.of("eth0"), req.bindIface());
        assertEquals(Optional.of(4440), req.mcastPort());
    }

    @Test
    void providerReadsTheUpstreamPrincipal() {
        HaRequest req = providerRead(upstreamPrincipal()).value().orElseThrow();
        assertEquals("masakari/0", req.principalUnit());
        assertEquals("lsb:haproxy", req.resources().resources().get("res_masakari_haproxy"));
        assertEquals(HAPROXY_PARAMS, req.resources().resourceParams().get("res_masakari_haproxy"));
        assertEquals("res_masakari_eth0_vip", req.resources().groups().get("grp_masakari_vips"));
        assertEquals(List.of("res_masakari_1b3c5d7_vip"), req.resources().deleteResources());
        assertEquals(List.of("haproxy"), req.resources().initServices());
        assertTrue(req.resources().colocations().isEmpty());
        assertTrue(req.initServicesByResource().isEmpty());
    }

    @Test
    void providerReadsTheClassicPythonLiteralForm() {
        // Older classic charms: bare keys holding Python literals, init_services as {resource: service}.
        Map<String, String> classic = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.12"));
        classic.put("resources", "{'res_ks_haproxy': 'lsb:haproxy'}");
        classic.put("resource_params", "{'res_ks_haproxy': 'op monitor interval=\"5s\"'}");
        classic.put("init_services", "{'res_ks_haproxy': 'haproxy'}");
        classic.put("clones", "{'cl_ks_haproxy': 'res_ks_haproxy'}");
        HaRequest req = provider(one("ha", "keystone", classic)).read().value().orElseThrow();
        assertEquals("lsb:haproxy", req.resources().resources().get("res_ks_haproxy"));
        assertEquals(Map.of("res_ks_haproxy", "haproxy"), req.initServicesByResource());
        assertEquals(List.of("haproxy"), req.resources().initServices());
        // The JSON key wins over the bare one, as in charm-hacluster's parse_data.
        classic.put("json_resources", "{\"res_ks_vip\": \"ocf:heartbeat:IPaddr2\"}");
        req = provider(one("ha", "keystone", classic)).read().value().orElseThrow();
        assertEquals(
                Map.of("res_ks_vip", "ocf:heartbeat:IPaddr2"), req.resources().resources());
    }

    @Test
    void malformedKeysAreNamed() {
        Map<String, String> good = upstreamPrincipal();
        String truncated = good.get("json_resources").substring(0, 20);
        assertReason(with(good, "json_resources", truncated), "'json_resources' is not valid JSON");
        assertReason(with(good, "json_groups", "[\"grp\"]"), "'json_groups' is not a JSON object");
        assertReason(with(good, "json_init_services", "42"), "'json_init_services' is not a JSON list");
        assertReason(
                with(good, "json_clones", "{\"cl bad id\": \"res_masakari_haproxy\"}"),
                "'json_clones' has an invalid pacemaker id");
        assertReason(
                with(good, "json_resource_params", "{\"res_masakari_haproxy\": \"op x\\ncommit\"}"),
                "'json_resource_params' value for res_masakari_haproxy is not a single-line string");
        assertReason(
                with(good, "json_resources", "{\"res_masakari_haproxy\": 5}"),
                "'json_resources' value for res_masakari_haproxy is not a single-line string");
        assertReason(
                with(good, "json_delete_resources", "[\"ok\", {\"x\": 1}]"),
                "'json_delete_resources' has an item that is not a name");
        assertReason(with(good, "corosync_mcastport", "44x0"), "'corosync_mcastport' is not a port");
        assertReason(with(good, "corosync_bindiface", "eth0; reboot"), "'corosync_bindiface'");
        // A bare legacy key is only read without its json_ twin; its problems name the bare key.
        assertReason(
                with(good, "json_resources", null, "resources", "{'unterminated"), "'resources' is not valid JSON");
        assertReason(with(good, "json_resources", null, "resources", "('a', 'b')"), "'resources' is not valid JSON");
        assertReason(with(good, "json_resource_params", Fixtures.OVERSIZED), "'json_resource_params' is too long");
    }

    @Test
    void principalWithoutAnyObjectIsIncomplete() {
        assertReason(Fixtures.jujuAddresses("10.5.0.10"), "missing 'json_resources'");
        assertEquals(
                "ha: no remote unit has joined",
                provider(List.of(Fixtures.relation("ha", 1, "masakari", Map.of())))
                        .read()
                        .reason()
                        .orElseThrow());
    }

    @Test
    void unicodeValuesRoundTripEscaped() {
        HaResources res = HaResources.builder()
                .primitive("res_x", "ocf:heartbeat:Dummy", "meta description=\"Zürich ☃\"")
                .build();
        Map<String, String> sent = sent(res, Optional.empty(), 4440);
        assertTrue(sent.get("json_resource_params").chars().allMatch(c -> c < 128), "ASCII-only on the wire");
        assertEquals(
                "meta description=\"Zürich ☃\"",
                providerRead(sent)
                        .value()
                        .orElseThrow()
                        .resources()
                        .resourceParams()
                        .get("res_x"));
    }

    @Test
    void clusteredRoundTrip() {
        Map<String, String> answer = providerAnswer(true);
        assertTrue(HaclusterPeer.isClustered(answer));
        assertEquals(
                "hacluster-masakari/0",
                requirer(one("ha", "hacluster-masakari", answer))
                        .read()
                        .value()
                        .orElseThrow()
                        .unit());
        assertFalse(
                requirer(one("ha", "hacluster-masakari", providerAnswer(false))).clustered());
        for (String yes : List.of("yes", "true", "True", "YES")) {
            assertTrue(
                    requirer(one("ha", "hacluster-masakari", Map.of("clustered", yes)))
                            .clustered(),
                    yes);
        }
        String r = requirer(one("ha", "hacluster-masakari", Map.of("clustered", "no")))
                .read()
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'clustered'"), r);
        assertEquals("ha: not related", requirer(List.of()).read().reason().orElseThrow());
    }

    @Test
    void clusteredAnswerCarriesNoSecretToRegister() {
        // hacluster answers with "clustered" only: nothing on this endpoint is a password or key.
        FixedEndpoint endpoint =
                FixedEndpoint.of(HaClusterRequirer.ENDPOINT, one("ha", "hacluster-masakari", providerAnswer(true)));
        HaClusterRequirer.Clustered c =
                new HaClusterRequirer(endpoint).read().value().orElseThrow();
        assertEquals(List.of(), endpoint.registeredSecrets());
        assertEquals("hacluster-masakari/0", c.unit());
    }

    @Test
    void aClusteredValueHaclusterNeverWritesIsNamed() {
        assertEquals(
                java.util.Optional.empty(),
                requirer(one("ha", "hacluster-masakari", providerAnswer(true))).malformed());
        assertEquals(
                java.util.Optional.empty(),
                requirer(one("ha", "hacluster-masakari", Map.of("clustered", "no")))
                        .malformed());
        for (String odd : List.of("maybe", "maybe\n[hostile_injected]", "1")) {
            String why = requirer(one("ha", "hacluster-masakari", Map.of("clustered", odd)))
                    .malformed()
                    .orElseThrow();
            assertTrue(why.contains("'clustered' is not yes or no") && !why.contains("hostile"), why);
        }
    }

    @Test
    void builderRefusesIdsThatWouldBreakCrm() {
        assertThrows(IllegalArgumentException.class, () -> HaResources.builder().primitive("res x", "lsb:haproxy", ""));
        assertThrows(IllegalArgumentException.class, () -> HaResources.builder().group("grp", List.of("a;b")));
        assertTrue(HaResources.EMPTY.isEmpty());
        assertFalse(masakariResources().isEmpty());
    }

    @Test
    void malformedIsToldApartFromNotYetSent() {
        Map<String, String> good = upstreamPrincipal();
        assertFalse(provider(one("ha", "masakari", good)).malformed());
        assertFalse(
                provider(one("ha", "masakari", Fixtures.jujuAddresses("10.5.0.10")))
                        .malformed(),
                "nothing sent yet");
        assertTrue(
                provider(one("ha", "masakari", with(good, "json_groups", "{"))).malformed());
        assertTrue(provider(one("ha", "masakari", with(good, "corosync_mcastport", "99999")))
                .malformed());
    }

    private void assertReason(Map<String, String> principal, String expected) {
        Completeness<HaRequest> c = providerRead(principal);
        assertFalse(c.isComplete(), expected);
        assertTrue(
                c.reason().orElseThrow().contains("masakari/0: "),
                "names the unit: " + c.reason().orElseThrow());
        assertTrue(c.reason().orElseThrow().contains(expected), c.reason().orElseThrow());
    }
}
