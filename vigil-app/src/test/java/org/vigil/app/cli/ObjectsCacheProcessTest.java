package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code vigil run} processes restarted on one config: the second start takes its objects from the cache the
 * first one wrote and prints the same warnings; a start after an object file changed loads the files, says which
 * one changed, and runs the new object.
 */
class ObjectsCacheProcessTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_restart_reuses_the_objects_and_a_changed_file_is_loaded_again() throws Exception {
        Files.createDirectories(dir.resolve("var"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                lock_file=var/vigil.lock
                state_retention_file=var/retention.dat
                interval_length=1
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ state$ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                """ + service("first", 2));
        Path cache = dir.resolve("var/vigil-objects.cache");

        String first = run("first start", "SERVICE ALERT: local;first;CRITICAL", () -> Files.exists(cache));
        assertThat(first).doesNotContain("Objects:");
        List<String> warnings = warnings(first);
        assertThat(warnings).anyMatch(w -> w.contains("illegal_macro_output_chars is not set"));

        String second = run("restart", "Vigil 0.1.0 starting", () -> true);
        assertThat(second).contains("Objects: the resolved config of the last start was reused");
        assertThat(warnings(second)).isEqualTo(warnings);

        Files.writeString(dir.resolve("objects.cfg"), service("added", 1), StandardOpenOption.APPEND);
        String third = run("start after a change", "SERVICE ALERT: local;added;WARNING", () -> true);
        assertThat(third).contains("Objects: loaded from the files (the objects cache is not used: "
                + dir.resolve("objects.cfg").toAbsolutePath() + " changed)");
    }

    private static String service(String name, int state) {
        return """
                define service {
                    host_name local
                    service_description %s
                    check_command check_dummy!%d
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """.formatted(name, state);
    }

    /** Starts vigil run, waits for {@code line} in its output and for {@code also}, stops it, returns the output. */
    private String run(String what, String line, BooleanSupplier also) throws Exception {
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", dir.resolve("nagios.cfg").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.readString(out).contains(line) && also.getAsBoolean())) {
            assertThat(System.nanoTime()).as(what + ": waiting for " + line + "; output: " + Files.readString(out))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(what + " stops").isTrue();
        return Files.readString(out);
    }

    private static List<String> warnings(String output) {
        return output.lines().filter(l -> l.contains("warning:")).toList();
    }
}
