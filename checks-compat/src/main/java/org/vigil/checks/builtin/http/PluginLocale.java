package org.vigil.checks.builtin.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plugins' {@code setlocale(LC_ALL, "")} makes of an environment, for the two things that depend on it in
 * check_http and check_curl: glibc's regex (byte by byte in the C locale, by UTF-8 character in C.UTF-8) and the
 * date {@code -C} prints with {@code %c}.
 */
public final class PluginLocale {

    private static final Set<String> KNOWN_LOCALES = Set.of("", "C", "POSIX", "C.UTF-8", "C.utf8");

    private PluginLocale() {
    }

    /**
     * Whether the plugin would run in a locale Vigil knows the behaviour of: each of LANG and LC_* unset, C, POSIX
     * or C.UTF-8 (built into glibc). Any other name makes the plugin's setlocale() depend on the locales installed
     * (it leaves everything C when one is missing), so lines whose output depends on it are declined.
     */
    public static boolean known(Map<String, String> environment) {
        return environment.entrySet().stream()
                .filter(e -> e.getKey().equals("LANG") || e.getKey().startsWith("LC_"))
                .allMatch(e -> KNOWN_LOCALES.contains(e.getValue()));
    }

    /** Whether the plugin's regex would read the body as UTF-8 characters (LC_CTYPE of C.UTF-8). */
    public static boolean utf8(Map<String, String> environment) {
        for (String variable : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = environment.getOrDefault(variable, "");
            if (!value.isEmpty()) {
                return value.startsWith("C.");
            }
        }
        return false;
    }
}
