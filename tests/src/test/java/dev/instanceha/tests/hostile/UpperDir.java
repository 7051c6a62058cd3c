package dev.instanceha.tests.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the charm left in the overlay's upper directory: every path it created, changed or deleted
 * (overlayfs records a deletion as a 0/0 character device), with mode, owner and content hash.
 */
final class UpperDir {
    /** Not the charm's doing: the shims' records and the JVM's own scratch files. */
    private static final List<String> IGNORED = List.of(Sandbox.SHIM_STATE, "/tmp/hsperfdata_", Sandbox.UNIT_DIR);

    private static final int MAX_TEXT = 4 << 20;

    record Entry(String path, String type, int mode, int uid, int gid, String digest) {
        boolean worldReadable() {
            return type.equals("file") && (mode & 04) != 0;
        }
    }

    record Manifest(Map<String, Entry> entries) {
        List<Entry> files() {
            return entries.values().stream()
                    .filter(e -> e.type().equals("file"))
                    .toList();
        }

        List<Entry> worldReadableFiles() {
            return entries.values().stream().filter(Entry::worldReadable).toList();
        }

        /** Paths added, removed or changed from this manifest to {@code later}. */
        List<String> differences(Manifest later) {
            List<String> out = new ArrayList<>();
            for (Entry e : later.entries.values()) {
                Entry was = entries.get(e.path());
                if (was == null) {
                    out.add("created " + e.path());
                } else if (!was.equals(e)) {
                    out.add("changed " + e.path() + describe(was, e));
                }
            }
            entries.keySet().stream().filter(p -> !later.entries.containsKey(p)).forEach(p -> out.add("reverted " + p));
            return out;
        }

        private static String describe(Entry was, Entry now) {
            List<String> what = new ArrayList<>();
            if (!was.type().equals(now.type())) {
                what.add(was.type() + "->" + now.type());
            }
            if (was.mode() != now.mode()) {
                what.add("mode " + Integer.toOctalString(was.mode()) + "->" + Integer.toOctalString(now.mode()));
            }
            if (was.uid() != now.uid() || was.gid() != now.gid()) {
                what.add("owner");
            }
            if (!was.digest().equals(now.digest())) {
                what.add("content");
            }
            return " (" + String.join(", ", what) + ")";
        }
    }

    private UpperDir() {}

    static Manifest manifest(Path upper) {
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.isDirectory(upper)) {
            return new Manifest(out);
        }
        try (Stream<Path> walk = Files.walk(upper)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String path = "/" + upper.relativize(p).toString().replace('\\', '/');
                if (path.equals("/") || IGNORED.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                out.put(path, entry(p, path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifest(out);
    }

    private static Entry entry(Path p, String path) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int uid = (Integer) a.get("uid");
        int gid = (Integer) a.get("gid");
        String type;
        String digest = "";
        if (Files.isSymbolicLink(p)) {
            type = "link";
            digest = Files.readSymbolicLink(p).toString();
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            type = "dir";
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            type = "file";
            digest = sha256(Files.readAllBytes(p));
        } else {
            type = "deleted"; // overlayfs whiteout
        }
        return new Entry(path, type, mode & 07777, uid, gid, digest);
    }

    /** A file's text (undecodable bytes replaced), at most 4 MiB. */
    static String text(Path upper, String path) {
        try {
            byte[] bytes = Files.readAllBytes(upper.resolve(path.substring(1)));
            int n = Math.min(bytes.length, MAX_TEXT);
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
