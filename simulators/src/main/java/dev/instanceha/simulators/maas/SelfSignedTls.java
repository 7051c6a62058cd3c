package dev.instanceha.simulators.maas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away CA and a server certificate for 127.0.0.1 signed by it, made with the JDK's keytool
 * (the JDK has no public certificate-building API). Clients trust the server by trusting
 * {@link #caPem()}.
 *
 * @param caPem          the CA certificate, PEM; what an operator would pass as the agent's CA file
 * @param serverKeyStore PKCS12 holding the server key and chain
 */
public record SelfSignedTls(Path caPem, Path serverKeyStore, char[] password) {

    /** Writes the CA and server material into {@code dir} (created if needed). */
    public static SelfSignedTls generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String pw = "maas-sim-" + Long.toHexString(System.nanoTime());
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=MAAS simulator test CA",
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                ca.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                pw,
                "-keypass",
                pw);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                pw,
                "-file",
                caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-validity",
                "3",
                "-keystore",
                server.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                pw,
                "-keypass",
                pw);
        keytool(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                server.toString(),
                "-storepass",
                pw,
                "-file",
                csr.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                pw,
                "-infile",
                csr.toString(),
                "-outfile",
                serverPem.toString(),
                "-validity",
                "3",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-ext",
                "KU=digitalSignature",
                "-ext",
                "EKU=serverAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                server.toString(),
                "-storepass",
                pw);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                serverPem.toString(),
                "-keystore",
                server.toString(),
                "-storepass",
                pw);
        return new SelfSignedTls(caPem, server, pw.toCharArray());
    }

    /** The server side: an SSLContext presenting the CA-signed certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output.strip());
        }
    }
}
