package dev.instanceha.ops.testing.jujuc;

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
 * Calls run one at a time under the caller's lock, so a context needs no locking of its own.
 */
public final class HookToolServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PATH = 107;
    private final ServerSocketChannel server;
    private final Path socket;
    private final Object lock;
    private final HookToolCommands commands = new HookToolCommands();
    private final Map<String, HookToolContext<?>> contexts = new ConcurrentHashMap<>();
    private final Thread acceptor;
    /** Where the socket really is when {@code socket} is too long to bind: a link points there. */
    private final Path shortDir;

    public HookToolServer(Path socket, Object lock) throws IOException {
        this.socket = socket;
        this.lock = lock;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Path bind = bindable(socket);
        if (bind.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH) {
            // connect(2) follows symbolic links: a short socket elsewhere serves the long name.
            shortDir = Files.createTempDirectory("jujuc");
            bind = shortDir.resolve("sock");
            Files.createSymbolicLink(socket, bind);
        } else {
            shortDir = null;
        }
        server.bind(UnixDomainSocketAddress.of(bind));
        acceptor = new Thread(this::acceptLoop, "jujuc-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A socket path fits in 107 bytes (sun_path); a deep build directory may not. The path
     * relative to this process's working directory names the same file and is often shorter
     * (and, unlike a link to elsewhere, it is the file a sandbox bind-mounting the directory sees).
     */
    static Path bindable(Path socket) {
        Path absolute = socket.toAbsolutePath().normalize();
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);
        return relative.toString().length() < absolute.toString().length() ? relative : absolute;
    }

    public Path socket() {
        return socket;
    }

    /** From now on, calls naming {@code contextId} run against {@code context}. */
    public void register(String contextId, HookToolContext<?> context) {
        contexts.put(contextId, context);
    }

    public void unregister(String contextId) {
        contexts.remove(contextId);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client), "jujuc-call");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
                InputStream in = Channels.newInputStream(client);
                OutputStream out = Channels.newOutputStream(client)) {
            JsonNode request = JSON.readTree(in.readAllBytes());
            HookToolContext<?> context = contexts.get(request.path("context").asText(""));
            HookToolCommands.Outcome outcome;
            if (context == null) {
                outcome = new HookToolCommands.Outcome(
                        1,
                        "",
                        "ERROR bad request: unknown context \""
                                + request.path("context").asText("") + "\" (no hook is running with it)\n");
            } else {
                List<String> args = new ArrayList<>();
                request.path("args").forEach(a -> args.add(a.asText()));
                byte[] stdin = request.hasNonNull("stdin")
                        ? Base64.getDecoder().decode(request.get("stdin").asText())
                        : null;
                synchronized (lock) {
                    outcome = commands.run(context, request.path("tool").asText(), args, stdin);
                }
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("code", outcome.code());
            reply.put(
                    "stdout",
                    Base64.getEncoder().encodeToString(outcome.stdout().getBytes(StandardCharsets.UTF_8)));
            reply.put(
                    "stderr",
                    Base64.getEncoder().encodeToString(outcome.stderr().getBytes(StandardCharsets.UTF_8)));
            out.write(JSON.writeValueAsBytes(reply));
        } catch (IOException | RuntimeException e) {
            // the client gets a closed connection and exits non-zero; nothing to keep
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        if (shortDir != null) {
            Files.deleteIfExists(shortDir.resolve("sock"));
            Files.deleteIfExists(shortDir);
        }
    }
}
