package dev.instanceha.ops.hooktools;

import java.util.List;

/**
 * Runs one hook tool; the seam between {@link ProcessHookTools} and the OS. Public so the test
 * kit can answer the same argv and stdin in-process with its model of Juju's tools.
 */
@FunctionalInterface
public interface ToolRunner {
    /**
     * @param tool  executable name, found on PATH (Juju puts its tools directory first)
     * @param args  arguments, never holding secrets (those go through {@code stdin})
     * @param stdin bytes for the tool's standard input, or null
     */
    ToolResult run(String tool, List<String> args, byte[] stdin);

    record ToolResult(int exitCode, String stdout, String stderr) {}
}
