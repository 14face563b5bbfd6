package org.vigil.config.main;

import org.vigil.config.diag.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** Stage 1 of loading: reads {@code nagios.cfg}, its resource files, and lists the object files. */
public final class MainConfigReader {

    private static final Pattern USER_MACRO = Pattern.compile("\\$USER([0-9]+)\\$");

    private final Diagnostics diags;

    private final Accounts accounts;

    public MainConfigReader(Diagnostics diags) {
        this(diags, new Accounts());
    }

    /** A reader that looks {@code nagios_user} and {@code nagios_group} up in {@code accounts}. */
    public MainConfigReader(Diagnostics diags, Accounts accounts) {
        this.diags = diags;
        this.accounts = accounts;
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    /** Reads the main config; returns null when the file itself cannot be read (reported). */
    public MainConfig read(Path file) {
        List<String> lines = TextFiles.readLines(file, diags, "main config file", TextFiles.MAX_MAIN_FILE_BYTES);
        if (lines == null) {
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, List<String>> directives = new LinkedHashMap<>();
        List<Path> objectFiles = new ArrayList<>();
        Map<String, String> macros = new HashMap<>();
        Map<String, SourceLocation> userAt = new HashMap<>();
        List<BrokerModuleLine> modules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            // only '#' starts a comment here: Nagios reads '; text' as a directive without a value
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            SourceLocation where = new SourceLocation(file, i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                diags.error(where, "'" + abbreviate(line) + "' is not a directive (expected 'name=value'"
                        + (line.charAt(0) == ';' ? "; comments in the main config start with '#'" : "") + ")");
                continue;
            }
            String name = line.substring(0, eq);
            String value = line.substring(eq + 1).strip();
            if (!name.strip().equals(name) || Character.isWhitespace(line.charAt(eq + 1))) {
                // an error, as Nagios refuses it; the directive is still read so that later errors are real
                diags.error(where, "blanks around '=' in '" + abbreviate(line) + "' (expected '" + name.strip()
                        + "=value': Nagios reads '" + name + "' as an unknown directive)");
                name = name.strip();
            }
            directives.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            if (name.equals("nagios_user") || name.equals("nagios_group")) {
                userAt.put(name, where);
            }
            switch (name) {
                case "cfg_file" -> objectFile(base.resolve(value).normalize(), where, objectFiles);
                case "cfg_dir" -> listDir(base.resolve(value).normalize(), where, objectFiles);
                case "resource_file" -> readResource(base.resolve(value).normalize(), where, macros);
                default -> {
                    if (!MainDirectives.KNOWN.contains(name)) {
                        diags.warning(where, "unknown main config directive '" + name + "' is ignored"
                                + hint(name, MainDirectives.KNOWN));
                    } else {
                        MainValueChecks.check(name, value, where, diags);
                        String directive = name;
                        IgnoredDirectives.instead(name, value).ifPresent(instead -> diags.warning(where,
                                "'" + directive + "' is ignored by Vigil: " + instead));
                        if (name.equals("broker_module")) {
                            brokerModule(where, value, modules);
                        }
                    }
                }
            }
        }
        Map<String, String> userValues = new HashMap<>();
        userAt.keySet().forEach(d -> userValues.put(d, last(directives.get(d))));
        DaemonUser.check(userValues, userAt, accounts, diags);
        return new MainConfig(file, directives, objectFiles, macros, modules);
    }

    private void brokerModule(SourceLocation where, String value, List<BrokerModuleLine> modules) {
        if (LivestatusModuleLine.isLivestatus(value)) {
            LivestatusModuleLine.parse(value).problems().forEach(p -> diags.warning(where, p));
        }
        if (GearmanModuleLine.isGearman(value)) {
            modules.stream().filter(m -> GearmanModuleLine.isGearman(m.value())).findFirst().ifPresent(first ->
                    diags.warning(where, "a second mod_gearman module line is ignored (Vigil reads the first, at "
                            + first.where() + ")"));
        }
        modules.add(new BrokerModuleLine(where, value));
    }

    private static String hint(String word, Set<String> known) {
        String best = Suggest.closest(word, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private void objectFile(Path file, SourceLocation where, List<Path> out) {
        if (Files.isRegularFile(file)) {
            out.add(file);
        } else {
            diags.error(where, "cfg_file '" + file + "' " + (Files.isDirectory(file) ? "is a directory (use cfg_dir"
                    + " for directories)" : "does not exist (expected an object config file)"));
        }
    }

    /** Lists {@code *.cfg} files under {@code dir}, recursively, in sorted order as Nagios does. */
    private void listDir(Path dir, SourceLocation where, List<Path> out) {
        if (!Files.isDirectory(dir)) {
            diags.error(where, "cfg_dir '" + dir + "' is not a readable directory (expected a directory of *.cfg files)");
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.sorted().toList());
        } catch (IOException e) {
            diags.error(where, "cannot list cfg_dir '" + dir + "': " + e.getMessage());
            return;
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                if (!name.startsWith(".")) {
                    listDir(p, where, out);
                }
            } else if (name.endsWith(".cfg") && !name.startsWith(".")) {
                out.add(p);
            }
        }
    }

    private void readResource(Path file, SourceLocation where, Map<String, String> macros) {
        if (!Files.isReadable(file)) {
            diags.error(where, "resource_file '" + file + "' cannot be read (expected a readable file)");
            return;
        }
        List<String> lines = TextFiles.readLines(file, diags, "resource file", TextFiles.MAX_RESOURCE_FILE_BYTES);
        if (lines == null) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            SourceLocation at = new SourceLocation(file, i + 1);
            int eq = line.indexOf('=');
            Matcher m = eq > 0 ? USER_MACRO.matcher(line.substring(0, eq).strip()) : null;
            if (m == null || !m.matches()) {
                diags.error(at, "'" + abbreviate(line) + "' is not a resource macro (expected '$USERn$=value'"
                        + " with n from 1 to 256)");
                continue;
            }
            int n = Integer.parseInt(m.group(1).length() > 4 ? "0" : m.group(1));
            if (n < 1 || n > 256) {
                diags.error(at, "$USER" + m.group(1) + "$ is out of range (expected $USER1$ to $USER256$)");
                continue;
            }
            macros.put("USER" + n, line.substring(eq + 1).strip());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
