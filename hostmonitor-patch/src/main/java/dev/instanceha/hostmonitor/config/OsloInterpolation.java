package dev.instanceha.hostmonitor.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * oslo.config's value substitution, applied once all files are overlaid (as oslo does at read time):
 * {@code $$} is a literal dollar, {@code $name} / {@code ${name}} is another option of the same section
 * (then of [DEFAULT]), {@code $group.name} one of another section. The charms write a {@code $} in a
 * password as {@code $$}; reading it raw would hand Keystone a different password.
 */
public final class OsloInterpolation {
    private static final int MAX_DEPTH = 8;

    private OsloInterpolation() {}

    public static IniDocument apply(IniDocument ini) throws ConfigException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (var section : ini.sections().entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (var option : section.getValue().entrySet()) {
                values.put(option.getKey(), expand(ini, section.getKey(), option.getKey(), option.getValue(), 0));
            }
            out.put(section.getKey(), values);
        }
        return new IniDocument(out);
    }

    private static String expand(IniDocument ini, String section, String key, String value, int depth)
            throws ConfigException {
        if (value.indexOf('$') < 0) {
            return value;
        }
        if (depth > MAX_DEPTH) {
            throw new ConfigException("[" + section + "] " + key + ": substitution nests deeper than " + MAX_DEPTH
                    + " levels (a reference loop?); write a literal $ as $$");
        }
        StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
                sb.append('$');
                i += 2;
                continue;
            }
            int start = i + 1;
            boolean braced = start < value.length() && value.charAt(start) == '{';
            int nameStart = braced ? start + 1 : start;
            int end = nameStart;
            while (end < value.length() && isNameChar(value.charAt(end))) {
                end++;
            }
            if (end == nameStart || (braced && (end >= value.length() || value.charAt(end) != '}'))) {
                // oslo's template leaves a lone '$' as it is.
                sb.append('$');
                i++;
                continue;
            }
            String name = value.substring(nameStart, end);
            sb.append(resolve(ini, section, key, name, depth));
            i = braced ? end + 1 : end;
        }
        return sb.toString();
    }

    private static String resolve(IniDocument ini, String section, String key, String name, int depth)
            throws ConfigException {
        String group = section;
        String option = name;
        int dot = name.indexOf('.');
        if (dot > 0) {
            group = name.substring(0, dot);
            option = name.substring(dot + 1);
        }
        String found = ini.section(group).get(option);
        if (found == null && dot < 0) {
            group = "DEFAULT";
            found = ini.section(group).get(option);
        }
        if (found == null) {
            // The reference is not echoed: in a password it is part of the secret.
            throw new ConfigException("[" + section + "] " + key + ": refers with '$' to an option that is not set;"
                    + " write a literal $ as $$");
        }
        return expand(ini, group, option, found, depth + 1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
