package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retention database that cannot be used gives one clear message (where, what, what to do) and
 * leaves the file exactly as it was; damage H2 can recover from is recovered.
 */
class RetentionOpenProblemsTest {

    private static final Set<ObjectKey> CONFIG = Set.of(ObjectKey.host("web1"));

    @TempDir
    Path dir;

    /** Marks an expected message of a case where H2 may also recover an older version and open. */
    private static final String MAY_OPEN = "(or opens) ";

    /** A bad file: how to make it from a good database's bytes, and the message it must produce (null: it opens). */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a Nagios retention.dat copied over it", (UnaryOperator<byte[]>) good -> nagiosRetentionDat(),
                        "error: the file is too short to be a retention database (it is not an H2 database, or it was cut short)"),
                Arguments.of("cut to its first 4 KiB", (UnaryOperator<byte[]>) good -> Arrays.copyOf(good, 4096),
                        "error: the file is too short to be a retention database"),
                Arguments.of("cut in half: H2 goes back to the last whole version if it finds one",
                        (UnaryOperator<byte[]>) good -> Arrays.copyOf(good, good.length / 2),
                        MAY_OPEN + "error: the retention database is damaged: File corrupted while reading record"),
                Arguments.of("first header overwritten: H2 reads the second", (UnaryOperator<byte[]>) good -> smash(good, 0, 200),
                        null),
                Arguments.of("empty: a new database", (UnaryOperator<byte[]>) good -> new byte[0], null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_file_gives_a_clear_message_and_is_left_alone(String name, UnaryOperator<byte[]> damage, String expectation)
            throws Exception {
        RetentionSettings settings = RetentionSettings.embedded(dir.resolve("retention.dat"));
        Path file = dir.resolve(RetentionSettings.EMBEDDED_NAME + ".mv.db");
        try (RetentionStore store = JdbcRetentionStore.open(settings.jdbcUrl())) {
            store.apply(RetentionBatch.ofRecords(List.of(new ObjectRecord(ObjectKey.host("web1"), 1, Map.of("state", "0")))));
        }
        byte[] bad = damage.apply(Files.readAllBytes(file));
        Files.write(file, bad);

        Retention.Start start = Retention.start(settings, CONFIG, p -> { });

        if (expectation == null || (expectation.startsWith(MAY_OPEN) && start instanceof Retention.Started)) {
            assertThat(start).isInstanceOf(Retention.Started.class);
            ((Retention.Started) start).writer().close();
            return;
        }
        String expected = expectation.replace(MAY_OPEN, "");
        assertThat(start).isInstanceOfSatisfying(Retention.Failed.class, f -> {
            String message = f.problem().toString();
            assertThat(message).startsWith(file + ": " + expected);
            assertThat(message).contains("mv " + file + " " + file + ".damaged");
            assertThat(message).doesNotContain("Exception", "\tat ", "[9", "\n");
        });
        assertThat(Files.readAllBytes(file)).as("the bad file is left as it was").isEqualTo(bad);
        assertThat(dir.resolve(RetentionSettings.EMBEDDED_NAME + ".trace.db")).doesNotExist();
    }

    static Stream<Arguments> badPlaces() {
        return Stream.of(
                Arguments.of("jdbc:postgresql://127.0.0.1:1/vigil?user=vigil&password=secret",
                        "jdbc:postgresql://127.0.0.1:1/vigil?user=vigil&password=***: error: cannot connect to PostgreSQL:"),
                Arguments.of("jdbc:mysql://db/vigil",
                        "jdbc:mysql://db/vigil: error: retention runs on H2 or PostgreSQL only (use a jdbc:h2:file: or"
                                + " jdbc:postgresql: URL)"),
                Arguments.of("jdbc:h2:file:%DIR%/vigil-retention;NO_SUCH_SETTING=1",
                        "%DIR%/vigil-retention.mv.db: error: the JDBC URL has a setting H2 does not know:"
                                + " Unsupported connection setting \"NO_SUCH_SETTING\" (remove or correct that setting in the URL)"),
                Arguments.of("jdbc:h2:file:%DIR%/a-file/vigil-retention",
                        "%DIR%/a-file/vigil-retention.mv.db: error: a file stands where the retention database's directory"
                                + " should be"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlaces")
    void a_database_that_cannot_be_reached_gives_a_clear_message(String url, String expected) throws Exception {
        Files.writeString(dir.resolve("a-file"), "not a directory");

        Retention.Start start = Retention.start(RetentionSettings.of(url.replace("%DIR%", dir.toString())), CONFIG, p -> { });

        assertThat(start).isInstanceOfSatisfying(Retention.Failed.class, f -> {
            assertThat(f.problem().toString()).startsWith(expected.replace("%DIR%", dir.toString()));
            assertThat(f.problem().toString()).doesNotContain("secret", "\tat ", "\n");
        });
    }

    @Test
    void a_database_in_use_by_another_vigil_is_refused() throws Exception {
        RetentionSettings settings = RetentionSettings.embedded(dir.resolve("retention.dat"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), settings.jdbcUrl(), "1000", "10").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");

            Retention.Start start = Retention.start(settings, CONFIG, p -> { });

            assertThat(start).isInstanceOfSatisfying(Retention.Failed.class, f -> assertThat(f.problem().toString())
                    .startsWith(dir.resolve("vigil-retention.mv.db") + ": error: the retention database is in use by"
                            + " another process (stop the other Vigil using it, or give this one its own state_retention_file)"));
        } finally {
            other.destroyForcibly();
            other.waitFor();
        }
    }

    private static byte[] nagiosRetentionDat() {
        try (InputStream in = RetentionOpenProblemsTest.class.getResourceAsStream("/retention/nagios-retention.dat")) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] smash(byte[] good, int from, int length) {
        byte[] bad = good.clone();
        Arrays.fill(bad, from, from + length, (byte) 0x5a);
        return bad;
    }
}
