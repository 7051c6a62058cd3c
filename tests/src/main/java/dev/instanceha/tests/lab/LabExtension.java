package dev.instanceha.tests.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension behind {@link LabTest}: brings the lab up and hands out component handles. */
public final class LabExtension implements BeforeAllCallback, ParameterResolver {
    private static final Set<Class<?>> TYPES = Set.of(
            Lab.class,
            Database.class,
            Broker.class,
            Keystone.class,
            Masakari.class,
            Cluster.class,
            NovaSim.class,
            MaasSim.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        int computes = context.getRequiredTestClass().isAnnotationPresent(LabTest.class)
                ? context.getRequiredTestClass().getAnnotation(LabTest.class).computes()
                : 3;
        Lab.get().ensureUp(computes);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return TYPES.contains(p.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Lab lab = Lab.get();
        Class<?> type = p.getParameter().getType();
        if (type == Lab.class) {
            return lab;
        } else if (type == Database.class) {
            requirePort("MariaDB", Lab.MYSQL_PORT);
            return Database.lab();
        } else if (type == Broker.class) {
            requirePort("RabbitMQ", Lab.RABBIT_PORT);
            return Broker.lab();
        } else if (type == Keystone.class) {
            requirePort("Keystone", Lab.KEYSTONE_PORT);
            return new Keystone("http://" + Lab.HOST + ":" + Lab.KEYSTONE_PORT);
        } else if (type == Masakari.class) {
            requirePort("Keystone", Lab.KEYSTONE_PORT);
            requirePort("masakari-api", Lab.MASAKARI_PORT);
            return new Masakari(
                    new Keystone("http://" + Lab.HOST + ":" + Lab.KEYSTONE_PORT),
                    "http://" + Lab.HOST + ":" + Lab.MASAKARI_PORT);
        } else if (type == Cluster.class) {
            return new Cluster(lab);
        } else if (type == NovaSim.class) {
            requirePort("Nova simulator", Lab.NOVA_PORT);
            return new NovaSim("http://" + Lab.HOST + ":" + Lab.NOVA_PORT);
        } else {
            requirePort("MAAS simulator", Lab.MAAS_PORT);
            return MaasSim.lab(lab);
        }
    }

    private static void requirePort(String what, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(Lab.HOST, port), 2000);
        } catch (IOException ex) {
            throw new Lab.LabUnavailable(
                    what + " is not listening on " + Lab.HOST + ":" + port + " (" + ex.getMessage() + ")");
        }
    }
}
