package org.vigil.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem in a worker.conf or on the command line, with its exact message; never a stack trace. */
class WorkerSettingsErrorTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("server=gm\nkey=k\nservers=gm2\n",
                        List.of("F:3: error: unknown option 'servers'; did you mean 'server'?")),
                Arguments.of("server=gm\nkey=k\ncolour=blue\n", List.of("F:3: error: unknown option 'colour'")),
                Arguments.of("server=gm\nkey=k\nhosts=maybe\n",
                        List.of("F:3: error: hosts: expected yes/no, on/off, true/false or 1/0, got 'maybe'")),
                Arguments.of("server=gm\nkey=k\nmax-worker=ten\n",
                        List.of("F:3: error: max-worker: expected a whole number, got 'ten'")),
                Arguments.of("server=gm\nkey=k\nload_limit1=high\n",
                        List.of("F:3: error: load_limit1: expected a number such as 1.5, got 'high'")),
                Arguments.of("server=gm\nkey=k\nkeyfile\n",
                        List.of("F:3: error: keyfile: expected keyfile=<value>, got no value")),
                Arguments.of("server=gm:http\nserver=gm2\nkey=k\n",
                        List.of("F:1: error: server: expected host:port, got 'gm:http'")),
                Arguments.of("server=gm\nkey=k\n=value\n", List.of("F:3: error: expected key=value, got '=value'")),
                Arguments.of("server=gm\nkey=k\nhostgroups=" + "x".repeat(51) + "\n",
                        List.of("F:3: error: hostgroups: group name '" + "x".repeat(51)
                                + "' is longer than mod_gearman's 50 characters")),
                Arguments.of("key=k\n", List.of("F: error: no gearmand server given (expected server=host:port in"
                        + " worker.conf or --server host:port)")),
                Arguments.of("server=gm\n", List.of("F: error: encryption is on but no key is given (expected"
                        + " key=..., keyfile=..., --key-file F, or encryption=no)")),
                Arguments.of("server=gm\nkey=k\nhosts=no\nservices=no\neventhandler=no\nnotifications=no\n",
                        List.of("F: error: no queue to serve: every one of hosts, services, eventhandler and"
                                + " notifications is off and no hostgroups or servicegroups are given")),
                Arguments.of("colour=blue\nhosts=maybe\n", List.of("F:1: error: unknown option 'colour'",
                        "F:2: error: hosts: expected yes/no, on/off, true/false or 1/0, got 'maybe'",
                        "F: error: no gearmand server given (expected server=host:port in worker.conf or --server"
                                + " host:port)",
                        "F: error: encryption is on but no key is given (expected key=..., keyfile=..., --key-file F,"
                                + " or encryption=no)")));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileNamesFileLineAndWhatWasExpected(String text, List<String> expected) throws IOException {
        Path f = dir.resolve("worker.conf");
        Files.writeString(f, text);
        List<String> errors = errors("--config", f.toString());
        assertThat(errors).containsExactlyElementsOf(
                expected.stream().map(e -> e.replace("F:", f + ":")).toList());
    }

    @Test
    void missingConfigAndIncludes() throws IOException {
        Path missing = dir.resolve("nope.conf");
        assertThat(errors("--config", missing.toString(), "--server", "gm", "--key", "k")).containsExactly(
                "vigil worker: --config: error: config file " + missing + " does not exist");

        Path f = dir.resolve("worker.conf");
        Files.writeString(f, "server=gm\nkey=k\nconfig=other.cfg\n");
        assertThat(errors("--config", f.toString())).containsExactly(
                f + ":3: error: config file " + dir.resolve("other.cfg") + " does not exist");

        Files.writeString(f, "server=gm\nkey=k\nconfig=worker.conf\n");
        assertThat(errors("--config", f.toString())).containsExactly(
                f + ":3: error: config " + f + " includes itself");
    }

    @Test
    void keyFileProblems() throws IOException {
        Path missing = dir.resolve("no-such-key");
        assertThat(errors("--server", "gm", "--key-file", missing.toString())).containsExactly(
                "vigil worker: error: key file " + missing + " does not exist");
        Path empty = dir.resolve("empty-key");
        Files.writeString(empty, "\n");
        assertThat(errors("--server", "gm", "--key-file", empty.toString())).containsExactly(
                "vigil worker: error: key file " + empty + " is empty (expected the shared key on its first line)");
        Path conf = dir.resolve("worker.conf");
        Files.writeString(conf, "server=gm\n\nkeyfile=" + missing + "\n");
        assertThat(errors("--config", conf.toString())).as("the line that names the key file").containsExactly(
                conf + ":3: error: key file " + missing + " does not exist");
    }

    @Test
    void badCommandLines() {
        assertThat(errors("--server")).containsExactly(
                "vigil worker: error: --server: expected a value after it",
                "vigil worker: error: no gearmand server given (expected server=host:port in worker.conf or --server"
                        + " host:port)",
                "vigil worker: error: encryption is on but no key is given (expected key=..., keyfile=...,"
                        + " --key-file F, or encryption=no)");
        assertThat(errors("--server", "gm", "--key", "k", "--hostgrups", "web")).containsExactly(
                "vigil worker: error: unexpected argument 'web' (expected options such as --server host:4730)",
                "vigil worker: --hostgrups: error: unknown option 'hostgrups'; did you mean 'hostgroups'?");
        assertThat(errors("--server", "gm", "--key", "k", "--max-worker", "many")).containsExactly(
                "vigil worker: --max-worker: error: max-worker: expected a whole number, got 'many'");
    }

    private static List<String> errors(String... args) {
        WorkerSettingsException e = catchThrowableOfType(WorkerSettingsException.class,
                () -> WorkerCommandLine.parse(List.of(args), "thishost"));
        assertThat(e).as("an error is reported").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.errors()));
        return e.errors();
    }
}
