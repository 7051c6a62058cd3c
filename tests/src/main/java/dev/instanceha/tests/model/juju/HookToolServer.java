package dev.instanceha.tests.model.juju;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves hook-tool calls on a unix socket, as Juju's unit agent serves jujuc: one request per
 * connection ({"context", "tool", "args", "stdin"} as JSON), answered with the exit code and
 * output. A call names its hook by JUJU_CONTEXT_ID; a context that is not running is refused.
 */
public final class HookToolServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerSocketChannel server;
    private final Path socket;
    private final Object lock;
    private final JujucCommands commands = new JujucCommands();
    private final Map<String, HookSession> sessions = new ConcurrentHashMap<>();
    private final Thread acceptor;

    public HookToolServer(Path socket, Object lock) throws IOException {
        this.socket = socket;
        this.lock = lock;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::acceptLoop, "jujuc-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void register(HookSession session) {
        sessions.put(session.contextId, session);
    }

    void unregister(HookSession session) {
        sessions.remove(session.contextId);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client), "jujuc-call");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; InputStream in = Channels.newInputStream(client); OutputStream out = Channels.newOutputStream(client)) {
            JsonNode request = JSON.readTree(in.readAllBytes());
            HookSession session = sessions.get(request.path("context").asText(""));
            JujucCommands.Outcome outcome;
            if (session == null) {
                outcome = new JujucCommands.Outcome(1, "", "ERROR bad request: unknown context \""
                        + request.path("context").asText("") + "\" (no hook is running with it)\n");
            } else {
                List<String> args = new ArrayList<>();
                request.path("args").forEach(a -> args.add(a.asText()));
                byte[] stdin = request.hasNonNull("stdin") ? Base64.getDecoder().decode(request.get("stdin").asText()) : null;
                synchronized (lock) {
                    outcome = commands.run(session, request.path("tool").asText(), args, stdin);
                }
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("code", outcome.code());
            reply.put("stdout", Base64.getEncoder().encodeToString(outcome.stdout().getBytes(StandardCharsets.UTF_8)));
            reply.put("stderr", Base64.getEncoder().encodeToString(outcome.stderr().getBytes(StandardCharsets.UTF_8)));
            out.write(JSON.writeValueAsBytes(reply));
        } catch (IOException | RuntimeException e) {
            // the client gets a closed connection and exits non-zero; nothing to keep
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
