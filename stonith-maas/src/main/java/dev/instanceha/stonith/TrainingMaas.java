package dev.instanceha.stonith;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A canned MAAS on loopback for the class-data archive's training run: one machine, answers for
 * the requests a fencing run makes, HTTP/1.1 with keep-alive. Not a simulator: it only has to make
 * the agent walk its real code paths, so that every class a fence needs lands in the archive.
 */
final class TrainingMaas implements AutoCloseable {
    static final String HOSTNAME = "training";
    private static final String MACHINE = "{\"system_id\":\"tr4in1\",\"hostname\":\"" + HOSTNAME + "\","
            + "\"fqdn\":\"" + HOSTNAME + ".maas\",\"power_state\":\"on\",\"power_type\":\"ipmi\","
            + "\"domain\":{\"name\":\"maas\",\"id\":0},\"tag_names\":[],\"cpu_count\":4}";

    private final ServerSocket server;
    private volatile String powerState = "on";

    TrainingMaas() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "training-maas");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/MAAS";
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                serve(socket);
            } catch (IOException e) {
                // closed, or the agent dropped the connection: wait for the next one
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        String requestLine;
        while ((requestLine = line(in)) != null) {
            int length = 0;
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            in.readNBytes(length);
            byte[] body = answer(requestLine).getBytes(StandardCharsets.UTF_8);
            out.write(
                    ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }

    private String answer(String requestLine) {
        if (requestLine.contains("op=power_off")) {
            powerState = "off";
            return MACHINE;
        } else if (requestLine.contains("op=power_on")) {
            powerState = "on";
            return MACHINE;
        } else if (requestLine.contains("op=query_power_state")) {
            return "{\"state\":\"" + powerState + "\"}";
        } else if (requestLine.contains("/version/")) {
            return "{\"version\":\"3.5.0\",\"subversion\":\"training\",\"capabilities\":[]}";
        } else if (requestLine.contains("op=whoami")) {
            return "{\"username\":\"training\",\"is_superuser\":true}";
        }
        return "[" + MACHINE + "]";
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return line.toString(StandardCharsets.US_ASCII).strip();
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
