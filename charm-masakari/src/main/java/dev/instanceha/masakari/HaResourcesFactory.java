package dev.instanceha.masakari;

import dev.instanceha.interfaces.hacluster.HaResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What masakari asks hacluster to run: one VIP primitive per configured address, grouped, with the
 * upstream names ({@code res_masakari_<hash>_vip}, {@code grp_masakari_vips}) so replacing the
 * upstream charm does not duplicate CIB objects.
 */
public final class HaResourcesFactory {
    private HaResourcesFactory() {}

    public static HaResources forConfig(MasakariConfig config) {
        HaResources.Builder builder = HaResources.builder();
        List<String> members = new ArrayList<>();
        for (String vip : config.vips()) {
            boolean v6 = vip.contains(":");
            String name = "res_masakari_" + shortHash(vip) + (v6 ? "_ipv6addr_vip" : "_vip");
            String agent = v6 ? "ocf:heartbeat:IPv6addr" : "ocf:heartbeat:IPaddr2";
            String params = (v6
                            ? "params ipv6addr=\"" + vip + "\" cidr_netmask=\"" + config.vipCidr() + "\""
                            : "params ip=\"" + vip + "\" cidr_netmask=\"" + config.vipCidr() + "\" nic=\""
                                    + config.vipIface() + "\"")
                    + " meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\""
                    + " op monitor timeout=\"20s\" interval=\"10s\" depth=\"0\"";
            builder.primitive(name, agent, params);
            members.add(name);
        }
        if (!members.isEmpty()) {
            builder.group("grp_masakari_vips", members.stream().sorted().toList());
        }
        return builder.build();
    }

    /** First 7 hex digits of SHA-1, as charms.openstack names a VIP resource whose NIC it cannot tell. */
    static String shortHash(String vip) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(vip.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 7);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }
}
