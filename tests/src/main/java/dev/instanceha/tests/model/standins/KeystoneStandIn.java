package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.Machines;
import dev.instanceha.tests.model.cloud.KeystoneAdmin;
import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.CharmMeta;
import dev.instanceha.tests.model.juju.HookSession;
import dev.instanceha.tests.model.juju.Relation;
import dev.instanceha.tests.model.juju.StandIn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keystone: identity-service registers the requested service, its endpoints and a service user
 * in the model's real Keystone and answers with the keys the keystone charm sends;
 * identity-credentials creates the requested user and sends its credentials. Only the leader
 * writes the catalog, as in the real charm.
 */
final class KeystoneStandIn implements StandIn {
    private static final String PORT = String.valueOf(ModelCloud.KEYSTONE_PORT);
    private final ModelCloud cloud;
    private final CharmMeta meta = StandIns.meta(
            "keystone",
            false,
            Map.of(
                    "identity-service",
                    StandIns.ep("keystone"),
                    "identity-credentials",
                    StandIns.ep("keystone-credentials")),
            Map.of());

    KeystoneStandIn(ModelCloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public CharmMeta meta() {
        return meta;
    }

    @Override
    public void handle(HookSession s) throws IOException {
        KeystoneAdmin admin = cloud.keystone();
        String servicesProject = admin.projectId("services");
        for (Relation r : s.relations("identity-service")) {
            for (String unit : s.remoteUnits(r)) {
                Map<String, String> asked = s.unitData(r, unit);
                String service = asked.get("service");
                if (service == null || !service.matches("[a-z0-9_-]{1,32}") || asked.get("public_url") == null) {
                    continue;
                }
                String region = asked.getOrDefault("region", "RegionOne").split("\\s+")[0];
                String password = StandInSupport.password(cloud, "service." + service);
                String key = "catalog." + service + "."
                        + Integer.toHexString(
                                (asked.get("public_url") + asked.get("internal_url") + asked.get("admin_url") + region)
                                        .hashCode());
                if (s.isLeader() && s.state().get(key) == null) {
                    admin.ensureService(
                            service,
                            type(service),
                            region,
                            Map.of(
                                    "public",
                                    asked.get("public_url"),
                                    "internal",
                                    asked.getOrDefault("internal_url", asked.get("public_url")),
                                    "admin",
                                    asked.getOrDefault("admin_url", asked.get("public_url"))));
                    admin.ensureUser(service, password, "services", "admin");
                    s.setState(Map.of(key, "yes"));
                }
                Map<String, String> out = common(region);
                out.put("service_tenant", "services");
                out.put("service_tenant_id", servicesProject);
                out.put("service_username", service);
                out.put("service_password", password);
                out.put("service_domain", "Default");
                out.put("service_domain_id", "default");
                out.put("internal_host", Machines.HOST);
                out.put("internal_port", PORT);
                out.put("internal_protocol", "http");
                s.setUnitData(r, out);
            }
        }
        for (Relation r : s.relations("identity-credentials")) {
            for (String unit : s.remoteUnits(r)) {
                Map<String, String> asked = s.unitData(r, unit);
                String user = asked.get("username");
                if (user == null || !user.matches("[a-z0-9_-]{1,64}")) {
                    continue;
                }
                String project = asked.getOrDefault("project", "services");
                String password = StandInSupport.password(cloud, "credentials." + user);
                String key = "credentials.ensured." + user + "@" + project;
                if (s.state().get(key) == null) {
                    admin.ensureUser(user, password, project, "admin");
                    s.setState(Map.of(key, "yes"));
                }
                Map<String, String> out = common("RegionOne");
                out.put("credentials_host", Machines.HOST);
                out.put("credentials_port", PORT);
                out.put("credentials_protocol", "http");
                out.put("credentials_username", user);
                out.put("credentials_password", password);
                out.put("credentials_project", project);
                out.put("credentials_project_id", admin.projectId(project));
                out.put("credentials_user_domain_name", "Default");
                out.put("credentials_user_domain_id", "default");
                out.put("credentials_project_domain_name", "Default");
                out.put("credentials_project_domain_id", "default");
                s.setUnitData(r, out);
            }
        }
        StandInSupport.ready(s);
    }

    private static Map<String, String> common(String region) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("service_host", Machines.HOST);
        out.put("service_port", PORT);
        out.put("service_protocol", "http");
        out.put("auth_host", Machines.HOST);
        out.put("auth_port", PORT);
        out.put("auth_protocol", "http");
        out.put("api_version", "3");
        out.put("region", region);
        out.put("admin_domain_id", "default");
        return out;
    }

    private static String type(String service) {
        return "masakari".equals(service) ? "instance-ha" : service;
    }
}
