package dev.instanceha.stonith;

/**
 * One agent parameter: its stdin name (what pacemaker passes from the primitive's params), its
 * command-line spelling, and what the metadata says about it.
 *
 * @param name        stdin / CIB name, e.g. {@code power_timeout}
 * @param options     command-line option names, e.g. {@code {"--power-timeout"}}; empty = stdin only
 * @param getopt      the metadata {@code getopt mixed} text
 * @param type        metadata content type: string, second, integer or boolean
 * @param flag        a boolean given on the command line without a value
 * @param defaultValue null when there is none
 * @param obsoletes   name of the parameter this one replaces (plug obsoletes port)
 */
public record Param(
        String name,
        String[] options,
        String getopt,
        String type,
        boolean flag,
        String defaultValue,
        boolean required,
        boolean deprecated,
        String obsoletes,
        String description) {

    static Param string(String name, String option, String label, boolean required, String description) {
        return new Param(
                name,
                new String[] {option},
                option + "=[" + label + "]",
                "string",
                false,
                null,
                required,
                false,
                null,
                description);
    }

    static Param seconds(String name, String option, String defaultValue, String description) {
        return new Param(
                name,
                new String[] {option},
                option + "=[seconds]",
                "second",
                false,
                defaultValue,
                false,
                false,
                null,
                description);
    }

    static Param flag(String name, String option, String description) {
        return new Param(name, new String[] {option}, option, "boolean", true, null, false, false, null, description);
    }

    boolean argvAllowed() {
        return options.length > 0;
    }
}
