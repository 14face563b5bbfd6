package org.vigil.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One scenario directory: {@code scenario.txt} (what it shows, extra nagios.cfg lines, the plugins' scripted
 * results, the steps, and the deliberate differences with their reasons), {@code objects.cfg} and any other
 * files its steps name. The format is described in {@code scenarios/README.md}.
 *
 * @param plugins per object ({@code host} or {@code host;service}), the lines its scripted plugin prints in turn
 * @param differences documented deliberate differences, by {@link Difference#key()}
 * @param masks what both engines' files have replaced before they are compared (values that differ between any two
 *     runs, such as a real plugin's response time)
 */
record Scenario(String name, Path dir, String description, List<String> mainLines, Map<String, List<String>> plugins,
                List<Step> steps, Map<String, Difference> differences, List<Mask> masks) {

    /** Every match of {@code pattern} in an observed line becomes {@code replacement} ({@code $1} for a group). */
    record Mask(Pattern pattern, String replacement) {
        String apply(String line) {
            return pattern.matcher(line).replaceAll(replacement);
        }
    }

    /** A difference the scenario expects on purpose: where (log, notifications, handlers, status), for which object. */
    record Difference(String channel, String object, String reason) {
        String key() {
            return channel + " " + object;
        }
    }

    /** What a scenario does between the start and the comparison, in order. */
    sealed interface Step {
    }

    /** Waits until both engines' logs hold {@code text} at least {@code count} times. */
    record Await(int count, String text) implements Step {
    }

    /** Sleeps. */
    record Wait(double seconds) implements Step {
    }

    /** Writes one external command line ({@code {now}} and {@code {now+N}} replaced) to both command files. */
    record Command(String line) implements Step {
    }

    /** Replaces an object's scripted results from now on (its count starts again). */
    record SetPlugin(String object, List<String> results) implements Step {
    }

    /** Copies a file of the scenario over objects.cfg in both engines' directories (then reload or restart). */
    record Config(String file) implements Step {
    }

    /** Stops both engines with SIGTERM and starts them again on their retained state. */
    record Restart() implements Step {
    }

    /** Sends SIGHUP to both engines. */
    record Reload() implements Step {
    }

    /** Waits until both engines' status.dat show every host and service checked at least once. */
    record Checked() implements Step {
    }

    static Scenario read(Path dir) {
        try {
            return parse(dir, Files.readAllLines(dir.resolve("scenario.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario parse(Path dir, List<String> lines) {
        StringBuilder description = new StringBuilder();
        List<String> main = new ArrayList<>();
        Map<String, List<String>> plugins = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        Map<String, Difference> differences = new LinkedHashMap<>();
        List<Mask> masks = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.startsWith("#")) {
                if (steps.isEmpty() && plugins.isEmpty() && main.isEmpty()) {
                    description.append(line.substring(1).strip()).append(' ');
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String word = line.split("\\s+", 2)[0];
            String rest = line.length() > word.length() ? line.substring(word.length()).strip() : "";
            String where = "scenario.txt:" + number + ": ";
            switch (word) {
                case "main" -> main.add(rest);
                case "plugin" -> plugins.put(objectOf(rest, where), results(rest, where));
                case "set" -> steps.add(new SetPlugin(objectOf(rest, where), results(rest, where)));
                case "await" -> steps.add(await(rest));
                case "wait" -> steps.add(new Wait(Double.parseDouble(rest)));
                case "command" -> steps.add(new Command(rest));
                case "config" -> steps.add(new Config(rest));
                case "restart" -> steps.add(new Restart());
                case "reload" -> steps.add(new Reload());
                case "checked" -> steps.add(new Checked());
                case "mask" -> masks.add(mask(rest, where));
                case "differs" -> {
                    Difference d = difference(rest, where);
                    differences.put(d.key(), d);
                }
                default -> throw new IllegalArgumentException(where + "unknown word '" + word
                        + "' (expected main, plugin, set, await, wait, command, config, restart, reload, checked, mask"
                        + " or differs)");
            }
        }
        return new Scenario(dir.getFileName().toString(), dir, description.toString().strip(), List.copyOf(main),
                Map.copyOf(plugins), List.copyOf(steps), Map.copyOf(differences), List.copyOf(masks));
    }

    private static Mask mask(String rest, String where) {
        int arrow = rest.indexOf(" => ");
        if (arrow < 0) {
            throw new IllegalArgumentException(where + "expected 'mask <regular expression> => <replacement>'");
        }
        try {
            return new Mask(Pattern.compile(rest.substring(0, arrow).strip()),
                    rest.substring(arrow + 4).strip());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + "bad regular expression: " + e.getDescription());
        }
    }

    private static Await await(String rest) {
        var m = Pattern.compile("(\\d+)x\\s+(.*)").matcher(rest);
        return m.matches() ? new Await(Integer.parseInt(m.group(1)), m.group(2)) : new Await(1, rest);
    }

    private static String objectOf(String rest, String where) {
        int eq = rest.indexOf(" = ");
        if (eq < 0) {
            throw new IllegalArgumentException(where + "expected '<object> = <code> <output> [&& ...]'");
        }
        return rest.substring(0, eq).strip();
    }

    private static List<String> results(String rest, String where) {
        String seq = rest.substring(rest.indexOf(" = ") + 3).strip();
        List<String> out = new ArrayList<>();
        for (String item : seq.split("\\s*&&\\s*")) {
            if (!item.matches("(\\d+|sleep:\\d+)(\\s.*)?")) {
                throw new IllegalArgumentException(where + "a result is '<code> <output>' or 'sleep:<s>', not '" + item
                        + "'");
            }
            out.add(item);
        }
        return out;
    }

    private static Difference difference(String rest, String where) {
        String[] parts = rest.split("\\s+", 3);
        int colon = rest.indexOf(" : ");
        List<String> channels = List.of("log", "order", "notifications", "handlers", "status");
        if (parts.length < 3 || colon < 0 || !channels.contains(parts[0])) {
            throw new IllegalArgumentException(where + "expected 'differs <log|order|notifications|handlers|status> <object>"
                    + " : <reason>'");
        }
        String object = rest.substring(parts[0].length(), colon).strip();
        return new Difference(parts[0], object, rest.substring(colon + 3).strip());
    }

    /** The same scenario with no difference allowed (to compare an engine with itself). */
    Scenario withoutDifferences() {
        return new Scenario(name, dir, description, mainLines, plugins, steps, Map.of(), masks);
    }

    @Override
    public String toString() {
        return name;
    }
}
