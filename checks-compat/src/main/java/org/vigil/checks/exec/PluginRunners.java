package org.vigil.checks.exec;

/**
 * Picks the plugin runner: {@code -Dvigil.runner=native} (the default where it is available), {@code direct}
 * ({@link ProcessBuilder}, the default elsewhere) or {@code commons-exec}.
 */
public final class PluginRunners {

    public static final String PROPERTY = "vigil.runner";

    private PluginRunners() {
    }

    /** The runner {@code -Dvigil.runner} names, or the best one available. */
    public static PluginRunner create(RunnerOptions options) {
        return create(System.getProperty(PROPERTY, ""), options);
    }

    /** An unknown or unavailable name falls back to the best runner available: a runner is never missing. */
    public static PluginRunner create(String name, RunnerOptions options) {
        return switch (name) {
            case "commons-exec" -> new CommonsExecRunner(options);
            case "direct" -> new DirectRunner(options);
            default -> NativeRunner.available() ? new NativeRunner(options) : new DirectRunner(options);
        };
    }

    /** How {@code runner} starts plugins, in words for the start-up log. */
    public static String describe(PluginRunner runner) {
        if (runner instanceof NativeRunner) {
            return "native posix_spawn";
        }
        if (runner instanceof CommonsExecRunner) {
            return "Commons Exec";
        }
        return "java.lang.ProcessBuilder" + (NativeRunner.available() ? ""
                : " (native spawner " + NativeRunner.whyUnavailable() + ")");
    }
}
