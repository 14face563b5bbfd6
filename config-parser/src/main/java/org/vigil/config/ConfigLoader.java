package org.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.lex.ObjectFileLexer;
import org.vigil.config.lex.RawAttribute;
import org.vigil.config.lex.RawObject;
import org.vigil.config.main.MainConfig;
import org.vigil.config.main.MainConfigReader;
import org.vigil.config.main.TextFiles;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.resolve.Definition;
import org.vigil.config.resolve.DefinitionReader;
import org.vigil.config.resolve.NameMatching;
import org.vigil.config.resolve.ObjectResolver;

/** Loads a Nagios configuration from its main file, in named stages, collecting every problem. */
public final class ConfigLoader {

    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    private ConfigLoader() {
    }

    /** Loads {@code nagios.cfg} and everything it names. Never throws for bad input: see the diagnostics. */
    public static LoadResult load(Path nagiosCfg) {
        StageTimer timer = new StageTimer();
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags).read(nagiosCfg);
        if (main == null) {
            return new LoadResult(diags, null, null);
        }
        List<Definition> definitions = readAll(main.objectFiles(), diags);
        timer.stage("read, lex, define");
        main.value("use_timezone").filter(z -> MainConfig.parseZone(z).isEmpty()).ifPresent(z ->
                diags.error(new SourceLocation(main.file(), 0), "use_timezone '" + z + "' is not a known time zone"
                        + " (expected a zone such as Europe/Berlin or America/New_York)"));
        if (main.value("illegal_macro_output_chars").isEmpty()) {
            diags.warning(new SourceLocation(main.file(), 0), "illegal_macro_output_chars is not set, so plugin"
                    + " output reaches notification commands unfiltered (expected e.g."
                    + " illegal_macro_output_chars=`~$&|'\"<>)");
        }
        // Nagios reads both with atoi() > 0; true matching means nothing without regexp matching
        NameMatching matching = new NameMatching(atoiPositive(main, "use_regexp_matching"),
                atoiPositive(main, "use_true_regexp_matching"));
        ObjectModel model = new ObjectResolver(diags, main.flag("allow_empty_hostgroup_assignment", false), main.file())
                .matching(matching).illegalNameChars(main.value("illegal_object_name_chars").orElse(null))
                .resolve(definitions, timer);
        diags.sortByLocation();
        return new LoadResult(diags, main, model);
    }

    /** A main-config switch read as Nagios reads it: {@code atoi(value) > 0} ("yes" is off). */
    private static boolean atoiPositive(MainConfig main, String name) {
        java.util.regex.Matcher m = LEADING_INTEGER.matcher(main.value(name).orElse("").strip());
        return m.lookingAt() && new java.math.BigInteger(m.group()).signum() > 0;
    }

    /**
     * Reads and lexes the object files in parallel (it is the slowest stage on large configs), then
     * joins their definitions and diagnostics in file order, so results do not depend on timing.
     */
    private static List<Definition> readAll(List<Path> files, Diagnostics diags) {
        int n = files.size();
        @SuppressWarnings("unchecked")
        List<Definition>[] objects = new List[n];
        Diagnostics[] found = new Diagnostics[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            found[i] = new Diagnostics();
            objects[i] = new ArrayList<>();
            DefinitionReader reader = new DefinitionReader(found[i]);
            // each block becomes a definition at once, so the lexed text never piles up in memory
            readObjectFile(files.get(i), found[i], raw -> {
                Definition d = reader.read(raw);
                if (d != null) {
                    objects[i].add(d);
                }
            }, 0);
        });
        List<Definition> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found[i].all().forEach(diags::add);
            all.addAll(objects[i]);
        }
        return all;
    }

    private static void readObjectFile(Path file, Diagnostics diags, Consumer<RawObject> out, int depth) {
        String text = TextFiles.read(file, diags, "object config file");
        if (text == null) {
            return;
        }
        List<RawAttribute> includes = new ArrayList<>();
        new ObjectFileLexer(file, diags, out, includes::add).lex(text);
        for (RawAttribute inc : includes) {
            include(file, inc, diags, out, depth);
        }
    }

    /** {@code include_file=} and {@code include_dir=} inside object files, as Nagios 4 reads them. */
    private static void include(Path from, RawAttribute inc, Diagnostics diags, Consumer<RawObject> out, int depth) {
        if (depth > 16) {
            diags.error(inc.location(), "includes nested more than 16 deep (expected no include loop)");
            return;
        }
        Path target = from.toAbsolutePath().getParent().resolve(inc.value()).normalize();
        if (inc.key().equals("include_file")) {
            readObjectFile(target, diags, out, depth + 1);
            return;
        }
        if (!Files.isDirectory(target)) {
            diags.error(inc.location(), "include_dir '" + target + "' is not a directory");
            return;
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".cfg") && Files.isRegularFile(p)).sorted().toList()) {
                readObjectFile(p, diags, out, depth + 1);
            }
        } catch (IOException e) {
            diags.error(new SourceLocation(target, 0), "cannot list directory: " + e.getMessage());
        }
    }
}
