package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.command.ExternalCommand;
import org.vigil.engine.daemon.Daemon;

/**
 * Comments and acknowledgements across restarts of the daemon with embedded H2 retention, with Nagios's rule
 * (observed with nagios4 4.4.6): persistent comments stay, non-persistent acknowledgement comments stay while
 * the acknowledgement holds, other non-persistent comments go; the acknowledgement type and flag are retained
 * and shown in status.dat.
 */
class DaemonCommentRetentionTest {

    @TempDir
    Path dir;

    private void config() throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                status_file=var/status.dat
                state_retention_file=var/retention.dat
                command_file=var/nagios.cmd
                interval_length=60
                illegal_macro_output_chars=`
                """);
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy 0
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                """);
        for (String s : List.of("db", "web")) {
            objects.append("""
                    define service {
                        host_name local
                        service_description %s
                        check_command check_dummy
                        active_checks_enabled 0
                        max_check_attempts 1
                        check_interval 5
                        retry_interval 1
                        contacts admin
                    }
                    """.formatted(s));
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
    }

    /** Runs the daemon, hands it {@code commands}, stops it; returns status.dat as written at the stop. */
    private String run(Consumer<Daemon> commands) throws Exception {
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            daemon.start();
            commands.accept(daemon);
        }
        return Files.readString(dir.resolve("var/status.dat"));
    }

    private static void send(Daemon d, CommandType type, String... args) {
        assertThat(d.commands().call(ExternalCommand.of(type, Instant.now(), args))).as(type.name()).isEmpty();
    }

    @Test
    void commentsAndAcknowledgementsSurviveARestartAsInNagios() throws Exception {
        config();
        String first = run(d -> {
            send(d, CommandType.PROCESS_SERVICE_CHECK_RESULT, "local", "db", "2", "db down");
            send(d, CommandType.PROCESS_SERVICE_CHECK_RESULT, "local", "web", "1", "web slow");
            send(d, CommandType.ACKNOWLEDGE_SVC_PROBLEM, "local", "db", "2", "0", "0", "alice", "sticky, not persistent");
            send(d, CommandType.ADD_SVC_COMMENT, "local", "db", "1", "bob", "persistent note");
            send(d, CommandType.ADD_SVC_COMMENT, "local", "db", "0", "carol", "transient note");
            send(d, CommandType.ADD_HOST_COMMENT, "local", "1", "dave", "host note");
            send(d, CommandType.ACKNOWLEDGE_SVC_PROBLEM, "local", "web", "1", "0", "0", "erin", "normal, removed");
            send(d, CommandType.REMOVE_SVC_ACKNOWLEDGEMENT, "local", "web");
        });
        assertThat(comments(first)).containsExactly("servicecomment local;db 4 alice 0", "servicecomment local;db 1 bob 1",
                "servicecomment local;db 1 carol 0", "hostcomment local 1 dave 1");
        assertThat(ack(first, "db")).isEqualTo("1/2");
        assertThat(ack(first, "web")).isEqualTo("0/1"); // Nagios keeps the type after a removal

        String second = run(d -> {
        });
        assertThat(comments(second)).containsExactly("servicecomment local;db 4 alice 0", "servicecomment local;db 1 bob 1",
                "hostcomment local 1 dave 1");
        assertThat(ack(second, "db")).isEqualTo("1/2");
        assertThat(ack(second, "web")).isEqualTo("0/1");
        List<Long> firstIds = idList(first);
        assertThat(idList(second)).as("comments keep their ids").containsExactly(firstIds.get(0), firstIds.get(1),
                firstIds.get(3));

        String third = run(d -> {
            send(d, CommandType.PROCESS_SERVICE_CHECK_RESULT, "local", "db", "0", "db back");
            send(d, CommandType.ADD_HOST_COMMENT, "local", "0", "frank", "after the restart");
        });
        // the recovery ended the sticky acknowledgement and took its comment with it
        assertThat(comments(third)).containsExactly("servicecomment local;db 1 bob 1", "hostcomment local 1 dave 1",
                "hostcomment local 1 frank 0");
        assertThat(ack(third, "db")).isEqualTo("0/0");
        assertThat(idList(third).get(2)).as("ids are never handed out twice").isGreaterThan(firstIds.get(3));

        String fourth = run(d -> {
        });
        assertThat(comments(fourth)).containsExactly("servicecomment local;db 1 bob 1", "hostcomment local 1 dave 1");
    }

    /**
     * Acknowledgements with an end time ({@code ACKNOWLEDGE_SVC_PROBLEM_EXPIRE}) keep it across a restart: one whose
     * time passed while the daemon was stopped ends at the start (logged), the other still holds with its end time
     * (its comment shows {@code expires=1} and the time in status.dat), and ends when that comes.
     */
    @Test
    void acknowledgementEndTimesSurviveARestart() throws Exception {
        config();
        long soon = Instant.now().getEpochSecond() + 2;
        long later = Instant.now().getEpochSecond() + 3600;
        String first = run(d -> {
            send(d, CommandType.PROCESS_SERVICE_CHECK_RESULT, "local", "db", "2", "db down");
            send(d, CommandType.PROCESS_SERVICE_CHECK_RESULT, "local", "web", "2", "web down");
            send(d, CommandType.ACKNOWLEDGE_SVC_PROBLEM_EXPIRE, "local", "db", "2", "0", "0", Long.toString(soon),
                    "alice", "for two seconds");
            send(d, CommandType.ACKNOWLEDGE_SVC_PROBLEM_EXPIRE, "local", "web", "2", "0", "1", Long.toString(later),
                    "bob", "for an hour");
        });
        assertThat(ack(first, "db")).isEqualTo("1/2");
        assertThat(first).contains("\texpires=1\n\texpire_time=" + later + "\n");
        // as Naemon writes it, after acknowledgement_type; 0 without an end time
        assertThat(endTime(first, "db")).isEqualTo(Long.toString(soon));
        assertThat(endTime(first, "web")).isEqualTo(Long.toString(later));
        assertThat(first).contains("\tacknowledgement_type=2\n\tacknowledgement_end_time=" + later + "\n");
        while (Instant.now().getEpochSecond() <= soon) {
            Thread.sleep(50);
        }
        String second = run(d -> {
        });
        assertThat(ack(second, "db")).as("its time came while stopped").isEqualTo("0/0");
        assertThat(ack(second, "web")).isEqualTo("1/2");
        assertThat(endTime(second, "db")).isEqualTo("0");
        assertThat(endTime(second, "web")).isEqualTo(Long.toString(later));
        assertThat(second).contains("hoststatus {\n\thost_name=local\n").containsPattern(
                "hoststatus \\{\n(\t[^\n]*\n)*\tacknowledgement_type=0\n\tacknowledgement_end_time=0\n");
        assertThat(comments(second)).containsExactly("servicecomment local;web 4 bob 1");
        assertThat(second).contains("\texpire_time=" + later + "\n");
        assertThat(Files.readString(dir.resolve("var/nagios.log")))
                .contains("SERVICE ACKNOWLEDGEMENT EXPIRED: local;db;" + soon + "\n")
                .doesNotContain("SERVICE ACKNOWLEDGEMENT EXPIRED: local;web");

        long inTwo = Instant.now().getEpochSecond() + 2;
        String third = run(d -> {
            send(d, CommandType.ACKNOWLEDGE_SVC_PROBLEM_EXPIRE, "local", "web", "1", "0", "0", Long.toString(inTwo),
                    "carol", "shorter");
            try {
                Thread.sleep((inTwo - Instant.now().getEpochSecond() + 1) * 1000 + 300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(ack(third, "web")).as("ended by the daemon's timer").isEqualTo("0/0");
        assertThat(comments(third)).as("the persistent comment of the first stays, as after a removal")
                .containsExactly("servicecomment local;web 4 bob 1");
        assertThat(Files.readString(dir.resolve("var/nagios.log")))
                .contains("SERVICE ACKNOWLEDGEMENT EXPIRED: local;web;" + inTwo + "\n");
    }

    /**
     * {@code kill -9} of a daemon in another JVM, after the commands came in through the command file and a
     * retention write went by: the next start shows the comments and the acknowledgement as a clean stop would.
     */
    @Test
    void commentsSurviveKill9() throws Exception {
        config();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DaemonChildMain.class.getName(), dir.resolve("nagios.cfg").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(
                    child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            long now = Instant.now().getEpochSecond();
            Files.writeString(dir.resolve("var/nagios.cmd"), String.join("\n",
                    "[" + now + "] PROCESS_SERVICE_CHECK_RESULT;local;web;2;down",
                    "[" + now + "] ACKNOWLEDGE_SVC_PROBLEM;local;web;1;1;0;alice;normal, not persistent",
                    "[" + now + "] ADD_HOST_COMMENT;local;1;bob;persistent; with a semicolon",
                    "[" + now + "] ADD_HOST_COMMENT;local;0;carol;transient",
                    "[" + now + "] ADD_HOST_COMMENT;local;1;dave;last") + "\n");
            Path log = dir.resolve("var/nagios.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(log) && Files.readString(log).contains("ADD_HOST_COMMENT;local;1;dave;last"))) {
                assertThat(System.nanoTime()).as("the child read the commands").isLessThan(deadline);
                Thread.sleep(20);
            }
            Thread.sleep(2500); // two retention intervals: a kill -9 loses at most the last one
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String after = run(d -> {
        });
        assertThat(comments(after)).containsExactly("servicecomment local;web 4 alice 0",
                "hostcomment local 1 bob 1", "hostcomment local 1 dave 1");
        assertThat(ack(after, "web")).isEqualTo("1/1");
        assertThat(after).contains("\tcomment_data=persistent; with a semicolon\n");
    }

    private static final Pattern BLOCK = Pattern.compile("(hostcomment|servicecomment) \\{\\n((?:\\t[^\\n]*\\n)*?)\\t}");

    /** Each comment block as {@code kind object entry_type author persistent}. */
    private static List<String> comments(String status) {
        Matcher m = BLOCK.matcher(status);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            String b = m.group(2);
            String object = field(b, "host_name") + (m.group(1).equals("servicecomment")
                    ? ";" + field(b, "service_description") : "");
            out.add(m.group(1) + " " + object + " " + field(b, "entry_type") + " " + field(b, "author") + " "
                    + field(b, "persistent"));
        }
        return out;
    }

    private static List<Long> idList(String status) {
        Matcher m = BLOCK.matcher(status);
        List<Long> out = new ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(field(m.group(2), "comment_id")));
        }
        return out;
    }

    /** {@code problem_has_been_acknowledged/acknowledgement_type} of a service. */
    private static String ack(String status, String service) {
        int at = status.indexOf("\tservice_description=" + service + "\n");
        String block = status.substring(at, status.indexOf("\t}", at));
        return field(block, "problem_has_been_acknowledged") + "/" + field(block, "acknowledgement_type");
    }

    private static String endTime(String status, String service) {
        int at = status.indexOf("\tservice_description=" + service + "\n");
        return field(status.substring(at, status.indexOf("\t}", at)), "acknowledgement_end_time");
    }

    private static String field(String block, String key) {
        Matcher m = Pattern.compile("\\t" + key + "=([^\\n]*)\\n").matcher(block);
        return m.find() ? m.group(1) : null;
    }
}
