package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Severity;

/**
 * Fuzzes the config reader with mutated valid configs (the {@code all-attributes} and {@code inheritance-chain}
 * corpus cases): lines dropped, duplicated or garbled, attribute values replaced by random, negative, huge or
 * odd ones, deep template chains. Whatever the input: no exception escapes, every error names a file and a
 * line, and no load takes over 5 s. Bounded for CI: a few hundred tries, a few seconds in all.
 */
class ConfigFuzzTest {

    private static final Path CORPUS = Path.of("src/test/resources/configs");
    private static final long LIMIT_SECONDS = 5;
    /** The JVM's default thread stack, on which `vigil verify` and `vigil run` load a config. */
    private static final long STACK_BYTES = 1024 * 1024;
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "config-fuzz", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    @AfterContainer
    static void stopLoader() {
        LOADER.shutdownNow();
    }

    /** Errors about a whole file or the whole config, which name the file but no line of it. */
    private static final java.util.regex.Pattern WHOLE_CONFIG = java.util.regex.Pattern.compile(
            "^(there are no \\w+ defined|.*file (is binary|does not exist|is a directory|cannot be read))");

    /** One change to one line of one file. */
    record Mutation(Kind kind, String file, int line, String value) {
    }

    enum Kind { DROP, DUPLICATE, GARBLE, VALUE, INSERT, TEMPLATE_CHAIN, BYTES }

    @Property(tries = 250)
    void anyMutatedConfigLoadsWithLocatedDiagnostics(@ForAll("cases") String base,
            @ForAll("mutations") List<Mutation> mutations) throws Exception {
        Path dir = Files.createTempDirectory("config-fuzz");
        try {
            copy(CORPUS.resolve(base), dir);
            for (Mutation m : mutations) {
                apply(dir, m);
            }
            LoadResult r = loadWithin(dir.resolve("nagios.cfg"));
            for (Diagnostic d : r.diagnostics().all()) {
                if (d.severity() == Severity.ERROR) {
                    assertThat(d.location().file()).as("file of %s", d).isNotNull();
                    if (!WHOLE_CONFIG.matcher(d.message()).find()) {
                        assertThat(d.location().line()).as("line of %s", d).isPositive();
                    }
                }
                assertThat(d.message()).as("%s", d).isNotBlank().doesNotContain("Exception");
            }
        } finally {
            delete(dir);
        }
    }

    private static LoadResult loadWithin(Path cfg) throws Exception {
        Future<LoadResult> load = LOADER.submit(() -> ConfigLoader.load(cfg));
        long start = System.nanoTime();
        try {
            LoadResult r = load.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(LIMIT_SECONDS));
            return r;
        } catch (TimeoutException e) {
            load.cancel(true);
            throw new AssertionError("loading took over " + LIMIT_SECONDS + " s: " + cfg.getParent());
        } catch (ExecutionException e) {
            throw new AssertionError("an exception escaped the config loader", e.getCause());
        }
    }

    @Provide
    Arbitrary<String> cases() {
        return Arbitraries.of("all-attributes", "inheritance-chain", "escalations-dependencies-groups", "timeperiods");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(3, Kind.DROP), net.jqwik.api.Tuple.of(2, Kind.DUPLICATE),
                        net.jqwik.api.Tuple.of(3, Kind.GARBLE), net.jqwik.api.Tuple.of(6, Kind.VALUE),
                        net.jqwik.api.Tuple.of(2, Kind.INSERT), net.jqwik.api.Tuple.of(1, Kind.TEMPLATE_CHAIN), net.jqwik.api.Tuple.of(1, Kind.BYTES)),
                Arbitraries.of("nagios.cfg", "objects.cfg", "base.cfg"),
                Arbitraries.integers().between(0, 10_000),
                values()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    /** Attribute values: numbers of every sign and size, names, junk, and very long text. */
    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-3, 3).map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("", "null", "+", "!", "*", "a,b,", ",", "0x10", "1e400", "NaN", "-0", " 5 ", "yes",
                        "n", "d,u,r", "24x7", "admins", "check_dummy!0!ok", "\\", "$USER1$", "{", "}", "define host {",
                        "use", "9999999999999999999999"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withChars("abc,;!{}#=\t \\").ofMinLength(1).ofMaxLength(20),
                Arbitraries.integers().between(10_000, 200_000).map("x"::repeat));
    }

    private static void apply(Path dir, Mutation m) throws IOException {
        Path file = dir.resolve(m.file());
        if (!Files.exists(file)) {
            return;
        }
        if (m.kind() == Kind.BYTES) {
            // bytes that are not UTF-8 (and now and then a NUL), as a damaged file holds
            byte[] junk = new byte[1 + m.line() % 64];
            new java.util.Random(m.line()).nextBytes(junk);
            Files.write(file, junk, java.nio.file.StandardOpenOption.APPEND);
            return;
        }
        List<String> lines = new ArrayList<>(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).lines().toList());
        int at = lines.isEmpty() ? 0 : m.line() % lines.size();
        switch (m.kind()) {
            case DROP -> {
                if (!lines.isEmpty()) {
                    lines.remove(at);
                }
            }
            case DUPLICATE -> {
                if (!lines.isEmpty()) {
                    lines.add(at, lines.get(at));
                }
            }
            case GARBLE -> {
                if (!lines.isEmpty() && !m.value().isEmpty()) {
                    String l = lines.get(at);
                    int cut = l.isEmpty() ? 0 : m.line() % l.length();
                    lines.set(at, l.substring(0, cut) + m.value() + l.substring(cut));
                }
            }
            case VALUE -> {
                if (!lines.isEmpty()) {
                    lines.set(at, replaceValue(lines.get(at), m.value()));
                }
            }
            case INSERT -> lines.add(at, m.value());
            case TEMPLATE_CHAIN -> lines.addAll(templateChain(2_000 + m.line() % 4_000));
            case BYTES -> throw new IllegalStateException("written above");
        }
        Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The line with its value (after {@code =} in the main config, after the name in an object) replaced. */
    private static String replaceValue(String line, String value) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.strip().startsWith("#")) {
            return line.substring(0, eq + 1) + value;
        }
        String t = line.strip();
        int space = t.indexOf(' ');
        return space < 0 || t.startsWith("define") ? line : "    " + t.substring(0, space) + " " + value;
    }

    /** A host using the last of {@code n} chained templates, written so that resolving it walks the chain. */
    private static List<String> templateChain(int n) {
        List<String> out = new ArrayList<>();
        out.add("define host {\n host_name fuzz-chain\n address 127.0.0.1\n use fuzz" + (n - 1) + "\n}");
        for (int i = n - 1; i > 0; i--) {
            out.add("define host {\n name fuzz" + i + "\n use fuzz" + (i - 1) + "\n register 0\n}");
        }
        out.add("define host {\n name fuzz0\n max_check_attempts 1\n register 0\n}");
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()));
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
