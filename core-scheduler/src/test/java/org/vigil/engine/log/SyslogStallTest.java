package org.vigil.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A syslog daemon that stops reading (rsyslogd stopped with SIGSTOP) does not block the one who logs: lines queue,
 * then are dropped and counted, the first drop is reported once; once it reads again, the queue drains and new
 * lines arrive.
 */
class SyslogStallTest {

    @TempDir
    Path dir;

    @Test
    void aStalledSyslogDropsLinesInsteadOfBlockingTheLogger() throws Exception {
        assertThat(Path.of("/usr/sbin/rsyslogd")).as("install rsyslog (bin/test does)").exists();
        Path socket = dir.resolve("log.sock");
        Path received = dir.resolve("received.log");
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="@DIR@")
                module(load="imuxsock" SysSock.Use="off")
                input(type="imuxsock" Socket="@SOCKET@" RateLimit.Interval="0")
                template(name="msg" type="string" string="%msg%\\n")
                *.* action(type="omfile" file="@RECEIVED@" template="msg")
                """.replace("@DIR@", dir.toString()).replace("@SOCKET@", socket.toString())
                .replace("@RECEIVED@", received.toString()));
        Process rsyslog = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslog.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslog.out").toFile()).start();
        List<String> problems = new CopyOnWriteArrayList<>();
        try {
            awaitFile(socket);
            Syslog syslog = Syslog.start(socket, problems::add);
            signal("STOP", rsyslog);
            long start = System.nanoTime();
            int lines = 5 * Syslog.QUEUE;
            for (int i = 0; i < lines; i++) {
                syslog.send("line " + i + " of a log that the stalled syslog cannot take");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("sending %d lines to a stalled syslog", lines).isLessThan(5_000);
            assertThat(syslog.dropped()).isPositive();
            assertThat(problems).containsExactly(
                    "Warning: the system log is not keeping up: lines for it are being dropped");

            signal("CONT", rsyslog);
            long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (syslog.queued() > 0) {
                assertThat(System.nanoTime()).as("the queue drains once syslog reads again").isLessThan(drained);
                Thread.sleep(50);
            }
            syslog.send("after the stall");
            syslog.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(received) && Files.readString(received).contains("after the stall"))) {
                assertThat(System.nanoTime()).as(Files.exists(received) ? "received lines: "
                        + Files.readAllLines(received).size() : "nothing received").isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            signal("CONT", rsyslog);
            rsyslog.destroy();
            rsyslog.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void signal(String name, Process p) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as("rsyslogd's socket").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
