package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.testkit.TestConfig;

/** The named pipe itself: created as Nagios creates it, read across writers, refused when it is not a pipe. */
class CommandFileTest {

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Test
    void createsThePipeReadsEachWriterAndLeavesItAtClose() throws Exception {
        Path fifo = dir.resolve("rw/nagios.cmd");
        Files.createDirectories(fifo.getParent());
        CommandFile.Start start = CommandFile.start(fifo, lines::add, problems::add);
        assertThat(start).isInstanceOf(CommandFile.Reading.class);
        assertThat((Integer) Files.getAttribute(fifo, "unix:mode") & 0170000).isEqualTo(0010000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-rw----");

        // three writers one after the other, as cron jobs and CGIs come and go; one writes two lines at once
        sh("printf '[1] ONE\\n' > " + fifo);
        sh("printf '[2] TWO\\n[3] THREE\\n' > " + fifo);
        sh("printf '\\n   \\n[4] FOUR' > " + fifo + "; printf ';x\\n' > " + fifo);
        await(() -> lines.size() == 4);
        assertThat(lines).containsExactly("[1] ONE", "[2] TWO", "[3] THREE", "[4] FOUR;x");

        ((CommandFile.Reading) start).file().close();
        assertThat((Integer) Files.getAttribute(fifo, "unix:mode") & 0170000).isEqualTo(0010000);
        assertThat(problems).isEmpty();
    }

    @Test
    void anExistingPipeIsReused() throws Exception {
        Path fifo = dir.resolve("nagios.cmd");
        sh("mkfifo -m 0600 " + fifo);
        CommandFile.Start start = CommandFile.start(fifo, lines::add, problems::add);
        assertThat(start).isInstanceOf(CommandFile.Reading.class);
        sh("printf '[1] ONE\\n' > " + fifo);
        await(() -> lines.size() == 1);
        ((CommandFile.Reading) start).file().close();
    }

    @Test
    void aLineLongerThanNagiosReadsIsDroppedWithAnError() throws Exception {
        Path fifo = dir.resolve("nagios.cmd");
        CommandFile.Reading r = (CommandFile.Reading) CommandFile.start(fifo, lines::add, problems::add);
        sh("head -c 70000 /dev/zero | tr '\\0' 'x' > " + fifo + "; printf '\\n[2] AFTER\\n' > " + fifo);
        await(() -> lines.size() == 1);
        assertThat(lines).containsExactly("[2] AFTER");
        assertThat(problems).singleElement().asString().isEqualTo("Error: external command ? ignored: its line is "
                + "70000 bytes, more than the 65536 allowed: " + "x".repeat(200) + "...");
        r.file().close();
    }

    @Test
    void aRegularFileOrAMissingDirectoryIsAClearError() throws Exception {
        Path file = dir.resolve("nagios.cmd");
        Files.writeString(file, "[1] LEFT BY A SCRIPT\n");
        assertThat(CommandFile.start(file, lines::add, problems::add)).isEqualTo(new CommandFile.Failed(
                "the command_file '" + file + "' exists and is not a named pipe (a regular file); if no other "
                        + "monitor is running, delete it: a script may have written to it while the monitor was "
                        + "stopped"));
        Path nowhere = dir.resolve("missing/nagios.cmd");
        assertThat(CommandFile.start(nowhere, lines::add, problems::add)).isEqualTo(new CommandFile.Failed(
                "cannot create the command_file '" + nowhere + "': the directory '" + dir.resolve("missing")
                        + "' does not exist"));
    }

    @Test
    void checkExternalCommandsOffOrNoFileMeansOff() throws Exception {
        MainConfig off = TestConfig.load(dir, "check_external_commands=0\ncommand_file=" + dir + "/nagios.cmd\n",
                TestConfig.WEB1).mainConfig();
        assertThat(CommandFile.start(off, lines::add, problems::add))
                .isEqualTo(new CommandFile.Off("check_external_commands=0"));
        assertThat(dir.resolve("nagios.cmd")).doesNotExist();
        MainConfig on = TestConfig.load(dir, "check_external_commands=1\n", TestConfig.WEB1).mainConfig();
        assertThat(CommandFile.start(on, lines::add, problems::add))
                .isEqualTo(new CommandFile.Off("no command_file is set"));
    }

    static void sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
