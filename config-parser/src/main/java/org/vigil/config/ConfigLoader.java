package org.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.config.cache.ConfigInputs;
import org.vigil.config.cache.ObjectsCache;
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
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags).read(nagiosCfg);
        if (main == null) {
            return new LoadResult(diags, null, null);
        }
        return loadObjects(main, diags, new ConfigInputs());
    }

    /** A load that may have come from the objects cache, and how to keep it there when it did not. */
    public record Cached(LoadResult result, Optional<ObjectsCache.Lookup> lookup, Optional<Save> save) {
    }

    /** Writes a fully loaded model to the objects cache, when the caller has time for it (not on the start's path). */
    @FunctionalInterface
    public interface Save {
        void run() throws IOException;
    }

    /**
     * {@link #load}, with the model taken from the objects cache of {@code nagios.cfg} ({@link ObjectsCache#of})
     * when it holds this very config; the cached load prints the same diagnostics. After a full load of a valid
     * config, {@link Cached#save()} writes the cache. {@code vigil verify} always loads the files.
     */
    public static Cached loadCached(Path nagiosCfg) {
        return loadCached(nagiosCfg, ObjectsCache::of);
    }

    /** {@link #loadCached(Path)} with the cache {@code cacheFor} chooses for the main config. */
    public static Cached loadCached(Path nagiosCfg, java.util.function.Function<MainConfig,
            Optional<ObjectsCache>> cacheFor) {
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags).read(nagiosCfg);
        if (main == null) {
            return new Cached(new LoadResult(diags, null, null), Optional.empty(), Optional.empty());
        }
        Optional<ObjectsCache> cache = cacheFor.apply(main);
        if (cache.isEmpty()) {
            return new Cached(loadObjects(main, diags, new ConfigInputs()), Optional.empty(), Optional.empty());
        }
        StageTimer timer = new StageTimer();
        ObjectsCache.Lookup lookup = cache.get().read(main);
        timer.stage("objects cache read");
        if (lookup instanceof ObjectsCache.Hit hit) {
            hit.diagnostics().forEach(diags::add);
            diags.sortByLocation();
            return new Cached(new LoadResult(diags, main, hit.model()), Optional.of(lookup), Optional.empty());
        }
        int fromMain = diags.all().size();
        ConfigInputs inputs = new ConfigInputs();
        // the diagnostics of the objects, before they are sorted in with those of nagios.cfg
        List<org.vigil.config.diag.Diagnostic> fromObjects = new ArrayList<>();
        LoadResult result = loadObjects(main, diags, inputs, d -> fromObjects.addAll(d.subList(fromMain, d.size())));
        Optional<Save> save = result.ok() ? Optional.of(() -> cache.get().write(main, inputs, fromObjects,
                result.model())) : Optional.empty();
        return new Cached(result, Optional.of(lookup), save);
    }

    private static LoadResult loadObjects(MainConfig main, Diagnostics diags, ConfigInputs inputs) {
        return loadObjects(main, diags, inputs, d -> { });
    }

    /** Everything after nagios.cfg; {@code beforeSort} sees the diagnostics before they are sorted by location. */
    private static LoadResult loadObjects(MainConfig main, Diagnostics diags, ConfigInputs inputs,
                                          Consumer<List<org.vigil.config.diag.Diagnostic>> beforeSort) {
        StageTimer timer = new StageTimer();
        List<Definition> definitions = readAll(main.objectFiles(), diags, inputs);
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
        org.vigil.config.main.MainCommandReferences.check(main, model, diags);
        beforeSort.accept(diags.all());
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
    private static List<Definition> readAll(List<Path> files, Diagnostics diags, ConfigInputs inputs) {
        int n = files.size();
        @SuppressWarnings("unchecked")
        List<Definition>[] objects = new List[n];
        Diagnostics[] found = new Diagnostics[n];
        ConfigInputs[] read = new ConfigInputs[n];
        org.vigil.config.resolve.ParallelChunks.each(n, i -> {
            found[i] = new Diagnostics();
            objects[i] = new ArrayList<>();
            read[i] = new ConfigInputs();
            DefinitionReader reader = new DefinitionReader(found[i]);
            // each block becomes a definition at once, so the lexed text never piles up in memory
            readObjectFile(files.get(i), new Reading(found[i], read[i], raw -> {
                Definition d = reader.read(raw);
                if (d != null) {
                    objects[i].add(d);
                }
            }), 0);
        });
        List<Definition> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found[i].all().forEach(diags::add);
            all.addAll(objects[i]);
            inputs.addAll(read[i]);
        }
        return all;
    }

    /** Where one object file's problems, inputs and blocks go. */
    private record Reading(Diagnostics diags, ConfigInputs inputs, Consumer<RawObject> out) {
    }

    private static void readObjectFile(Path file, Reading r, int depth) {
        TextFiles.Text text = TextFiles.readText(file, r.diags(), "object config file",
                TextFiles.MAX_OBJECT_FILE_BYTES);
        if (text == null) {
            return;
        }
        r.inputs().fileRead(file, text.size(), text.crc());
        List<RawAttribute> includes = new ArrayList<>();
        new ObjectFileLexer(file, r.diags(), r.out(), includes::add).lex(text.text());
        for (RawAttribute inc : includes) {
            include(file, inc, r, depth);
        }
    }

    /** {@code include_file=} and {@code include_dir=} inside object files, as Nagios 4 reads them. */
    private static void include(Path from, RawAttribute inc, Reading r, int depth) {
        if (depth > 16) {
            r.diags().error(inc.location(), "includes nested more than 16 deep (expected no include loop)");
            return;
        }
        Path target = from.toAbsolutePath().getParent().resolve(inc.value()).normalize();
        if (inc.key().equals("include_file")) {
            readObjectFile(target, r, depth + 1);
            return;
        }
        if (!Files.isDirectory(target)) {
            r.diags().error(inc.location(), "include_dir '" + target + "' is not a directory");
            return;
        }
        List<Path> files;
        try {
            files = ConfigInputs.cfgFilesUnder(target);
        } catch (IOException | java.io.UncheckedIOException e) {
            r.diags().error(new SourceLocation(target, 0), "cannot list directory: " + e.getMessage());
            return;
        }
        r.inputs().dirListed(target, files);
        for (Path p : files) {
            readObjectFile(p, r, depth + 1);
        }
    }
}
