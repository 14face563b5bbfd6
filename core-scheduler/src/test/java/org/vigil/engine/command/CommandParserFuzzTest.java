package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.vigil.engine.testkit.TestConfig;

/**
 * Fuzzes the command parser: random lines, and valid lines of every command with one field mutated (a random,
 * empty, huge or odd value, a field dropped or added, the timestamp garbled). Whatever the line: no exception
 * escapes, a refusal says why and names the command it read (or, for a line without one, the line), and no
 * parse takes over 5 s. Bounded for CI: a few thousand lines, about a second.
 */
class CommandParserFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static CommandParser parser;

    @BeforeContainer
    static void load() throws Exception {
        Path dir = Files.createTempDirectory("command-fuzz");
        parser = new CommandParser(TestConfig.load(dir, "", TestConfig.WEB1).model());
    }

    @Property(tries = 2000)
    void anyLineIsParsedOrRefusedWithAReason(@ForAll("lines") String line) {
        assertParsedOrRefused(line);
    }

    @Property(tries = 2000)
    void validCommandsWithAMutatedFieldAreParsedOrRefusedWithAReason(@ForAll("mutatedCommands") String line) {
        assertParsedOrRefused(line);
    }

    private static void assertParsedOrRefused(String line) {
        long start = System.nanoTime();
        ParseResult r = parser.parse(line, NOW);
        assertThat(System.nanoTime() - start).as("parse time of %.80s", line).isLessThan(LIMIT_NANOS);

        assertThat(r).isNotNull();
        if (r instanceof CommandError e) {
            assertThat(e.reason()).as("reason for %.80s", line).isNotBlank();
            assertThat(e.line()).as("line of %s", e).isNotNull();
            if (e.kind() != CommandError.Kind.MALFORMED) {
                assertThat(e.command()).as("command named by %s", e).isNotBlank();
            }
        } else {
            ExternalCommand c = (ExternalCommand) r;
            assertThat(c.args()).hasSizeGreaterThanOrEqualTo(c.type().args().size());
        }
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> names = Arbitraries.of(CommandType.values()).map(Enum::name);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("[]; 0123456789abcABC_\t\r\n\u0000\u00e9").ofMaxLength(120),
                Combinators.combine(Arbitraries.strings().withChars("[] 0123456789-x").ofMaxLength(15), names,
                        Arbitraries.strings().withChars(";abc01 -").ofMaxLength(60))
                        .as((head, name, tail) -> head + name + tail),
                Arbitraries.integers().between(10_000, 70_000).map(n -> "[1795600000] " + "A".repeat(n)),
                Arbitraries.integers().between(10_000, 70_000).map(n -> "[1795600000] ADD_HOST_COMMENT;web1;1;"
                        + "a".repeat(n) + ";" + "b".repeat(n)));
    }

    @Provide
    Arbitrary<String> mutatedCommands() {
        Arbitrary<CommandType> types = Arbitraries.of(CommandType.values());
        return Combinators.combine(types, Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 4),
                fieldValues(), Arbitraries.of("[1795600000] ", "[] ", "[1795600000]", "[-5] ",
                        "[99999999999999999999] ", "1795600000] ", "[1795600000]  ", "[1795600000 "))
                .as(CommandParserFuzzTest::mutate);
    }

    private static Arbitrary<String> fieldValues() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("", " ", "-1", "0", "3", "web1", "http", "WEB1", "10.0.0.1", "9223372036854775808",
                        "1e9", "0x10", ";", "\u0000", "*", "admin"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().between(1_000, 20_000).map("z"::repeat));
    }

    /** A valid line of {@code type}, then field {@code field} changed in the way {@code how} says. */
    private static String mutate(CommandType type, int field, int how, String value, String head) {
        List<String> args = new ArrayList<>();
        for (ArgKind kind : type.args()) {
            args.add(validValue(kind));
        }
        int at = args.isEmpty() ? 0 : field % args.size();
        switch (how) {
            case 0 -> {
                if (!args.isEmpty()) {
                    args.set(at, value);
                }
            }
            case 1 -> {
                if (!args.isEmpty()) {
                    args.remove(at);
                }
            }
            case 2 -> args.add(value);
            case 3 -> {
                if (!args.isEmpty()) {
                    args.set(at, args.get(at) + value);
                }
            }
            default -> { }
        }
        return head + type.name() + (args.isEmpty() ? "" : ";" + String.join(";", args));
    }

    private static String validValue(ArgKind kind) {
        return switch (kind.name()) {
            case "HOST", "HOST_OR_ADDRESS" -> "web1";
            case "SERVICE" -> "http";
            case "SERVICE_CODE", "HOST_CODE", "TRIGGER_ID", "OPTIONS" -> "0";
            case "TIME", "START_TIME" -> "1795600000";
            case "END_TIME" -> "1795603600";
            case "DURATION" -> "3600";
            case "FIXED", "STICKY", "NOTIFY", "PERSISTENT", "COMMENT_ID", "DOWNTIME_ID" -> "1";
            case "AUTHOR" -> "admin";
            default -> "text";
        };
    }
}
