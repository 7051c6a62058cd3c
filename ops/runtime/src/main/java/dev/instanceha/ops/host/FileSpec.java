package dev.instanceha.ops.host;

/** Ownership and permission bits of a managed file or directory (mode as octal, e.g. 0640). */
public record FileSpec(String owner, String group, int mode) {
    public FileSpec {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
        }
    }

    public static FileSpec root(int mode) {
        return new FileSpec("root", "root", mode);
    }

    public String modeString() {
        return String.format("%04o", mode);
    }
}
