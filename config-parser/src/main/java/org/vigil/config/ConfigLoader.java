package org.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.vigil.config.resolve.ObjectResolver;

/** Loads a Nagios configuration from its main file, in named stages, collecting every problem. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads {@code nagios.cfg} and everything it names. Never throws for bad input: see the diagnostics. */
    public static LoadResult load(Path nagiosCfg) {
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags).read(nagiosCfg);
        if (main == null) {
            return new LoadResult(diags, null, null);
        }
        List<RawObject> raw = new ArrayList<>();
        for (Path file : main.objectFiles()) {
            readObjectFile(file, diags, raw, 0);
        }
        DefinitionReader reader = new DefinitionReader(diags);
        List<Definition> definitions = new ArrayList<>(raw.size());
        for (RawObject r : raw) {
            Definition d = reader.read(r);
            if (d != null) {
                definitions.add(d);
            }
        }
        if (main.value("illegal_macro_output_chars").isEmpty()) {
            diags.warning(new SourceLocation(main.file(), 0), "illegal_macro_output_chars is not set, so plugin"
                    + " output reaches notification commands unfiltered (expected e.g."
                    + " illegal_macro_output_chars=`~$&|'\"<>)");
        }
        ObjectModel model = new ObjectResolver(diags, main.flag("allow_empty_hostgroup_assignment", false))
                .resolve(definitions);
        return new LoadResult(diags, main, model);
    }

    private static void readObjectFile(Path file, Diagnostics diags, List<RawObject> out, int depth) {
        String text = TextFiles.read(file, diags, "object config file");
        if (text == null) {
            return;
        }
        List<RawAttribute> includes = new ArrayList<>();
        new ObjectFileLexer(file, diags, out::add, includes::add).lex(text);
        for (RawAttribute inc : includes) {
            include(file, inc, diags, out, depth);
        }
    }

    /** {@code include_file=} and {@code include_dir=} inside object files, as Nagios 4 reads them. */
    private static void include(Path from, RawAttribute inc, Diagnostics diags, List<RawObject> out, int depth) {
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
