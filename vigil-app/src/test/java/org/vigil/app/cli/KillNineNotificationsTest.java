package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once notifications across {@code kill -9}: a real {@code vigil run} with 245 services, 160 of them
 * changing state all the time, is killed 20 times at random instants while notifications flow through a command
 * (a shell appending a line to a file) and through the built-in email channel to a real SMTP server (GreenMail).
 * Each service's plugin says which phase of its cycle it is in ({@code CRITICAL - phase 7}, {@code OK - phase 8}),
 * so every notification names the state change it is about. Counted over both channels:
 * <ul>
 *   <li>duplicated: the same service, type and phase notified twice (a mail counts once per Message-ID, which is
 *       the outbox's documented contract with receivers; resends of one Message-ID are reported, not hidden);</li>
 *   <li>contradictory or lost: two notifications of the same type in a row about one service (RECOVERY,
 *       RECOVERY: the PROBLEM between them is missing), or a sequence not starting with PROBLEM;</li>
 *   <li>lost at the end: once the plugins all say OK, every service whose last notification was a PROBLEM gets
 *       its RECOVERY;</li>
 *   <li>the command and the email channel carry the same sequence per service.</li>
 * </ul>
 * Services of two hosts in a long downtime change state too and are never notified; the downtimes, a sticky
 * acknowledgement of five always-critical services and ten persistent comments, all set before the first kill and
 * more than the retention interval (1 s) before it, are all still there after the last restart.
 */
class KillNineNotificationsTest {

    private static final int KILLS = 20;
    private static final int HOSTS = 8;
    private static final int FLIPPING_PER_HOST = 18;
    private static final int STEADY_PER_HOST = 10;
    private static final int DOWNTIME_HOSTS = 2;
    private static final int ACKED = 5;
    private static final Pattern LINE = Pattern.compile("(PROBLEM|RECOVERY)\\|([^|]+)\\|([^|]+)\\|.*phase (\\d+)");
    private static final Pattern SUBJECT = Pattern.compile("\\*\\* (\\w+) Service Alert: ([^/]+)/(\\S+) is");
    private static final Pattern PHASE = Pattern.compile("phase (\\d+)");

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) // kept to be read when a count is off
    Path dir;

    private GreenMail smtp;
    private Process process;
    private final Random random = new Random(Long.getLong("vigil.kill.seed", System.nanoTime()));

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** One notification as a channel received it. */
    record Received(String type, String service, long phase, String id) {
    }

    @Test
    void twentyKillsUnderLoadNeitherDuplicateNorLoseNorContradictANotification() throws Exception {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        config(smtpPort);
        Files.writeString(dir.resolve("hold"), ""); // every flipping service says OK until the downtimes are in force
        start();
        await("the command file", () -> Files.exists(dir.resolve("nagios.cmd")));
        long now = System.currentTimeMillis() / 1000;
        StringBuilder commands = new StringBuilder();
        for (int d = 0; d < DOWNTIME_HOSTS; d++) {
            commands.append("SCHEDULE_HOST_SVC_DOWNTIME;down").append(d).append(';').append(now).append(';')
                    .append(now + 7200).append(";1;0;7200;tester;maintenance\n");
            commands.append("SCHEDULE_HOST_DOWNTIME;down").append(d).append(';').append(now).append(';')
                    .append(now + 7200).append(";1;0;7200;tester;maintenance\n");
        }
        for (int i = 0; i < 10; i++) {
            commands.append("ADD_SVC_COMMENT;host0;steady").append(i).append(";1;tester;note ").append(i).append('\n');
        }
        command(commands.toString());
        await("the downtimes in force", () -> log().split("SERVICE DOWNTIME ALERT: down\\d;[^;]+;STARTED", -1).length - 1
                == DOWNTIME_HOSTS * FLIPPING_PER_HOST);
        Files.delete(dir.resolve("hold"));
        await("the always-critical services notified", () -> commandLines().stream()
                .filter(l -> l.contains("|ack|")).count() == ACKED);
        StringBuilder acks = new StringBuilder();
        for (int i = 0; i < ACKED; i++) {
            acks.append("ACKNOWLEDGE_SVC_PROBLEM;ack;critical").append(i).append(";2;0;1;tester;known\n");
        }
        command(acks.toString());
        await("the acknowledgements", () -> status().split("problem_has_been_acknowledged=1", -1).length - 1 == ACKED);
        Thread.sleep(2500); // more than the retention interval: what the test later expects to be kept is written

        List<Long> ranFor = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            long life = 1500 + random.nextInt(8000); // from 1.5 s (starting up) to 9.5 s (running, notifying)
            Thread.sleep(life);
            ranFor.add(life);
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            start();
        }
        long last = process.pid(); // a run killed while its JVM started logged nothing: wait for this one's line
        await("the last run started", () -> count("starting... (PID=" + last + ")") == 1);
        Thread.sleep(8000);
        Files.writeString(dir.resolve("freeze"), ""); // every flipping service says OK from now on
        await("every problem recovered and notified", () -> allRecovered(commandLines()) && allRecovered(mailLines()),
                () -> "still PROBLEM by command: " + unrecovered(commandLines()) + "; by email: "
                        + unrecovered(mailLines()) + "\n" + broken(group(parse(commandLines())), group(mails())));
        Thread.sleep(3000); // anything late or doubled would arrive now

        Map<String, List<Received>> byCommand = group(parse(commandLines()));
        Map<String, List<Received>> byMail = group(mails());
        int notifications = byCommand.values().stream().mapToInt(List::size).sum();
        int duplicated = duplicates(byCommand) + duplicates(byMail);
        int contradictory = contradictions(byCommand) + contradictions(byMail);
        int resent = smtp.getReceivedMessages().length - byMail.values().stream().mapToInt(List::size).sum();
        String summary = "kill -9 x" + KILLS + " (lives " + ranFor + " ms): " + notifications
                + " command notifications, " + smtp.getReceivedMessages().length + " mails (" + resent
                + " resent with the same Message-ID), " + duplicated + " duplicated, " + contradictory
                + " contradictory or lost";
        System.out.println(summary);
        assertThat(notifications).as(summary).isGreaterThan(200);
        String broken = broken(byCommand, byMail);
        broken += broken.isEmpty() ? "" : evidence(broken);
        assertThat(duplicated).as(summary + "\n" + broken).isZero();
        assertThat(contradictory).as(summary + "\n" + broken).isZero();
        assertThat(sequences(byMail)).as("the same sequence on both channels").isEqualTo(sequences(byCommand));
        assertThat(byCommand.keySet()).as("no service of a host in downtime notified")
                .noneMatch(s -> s.startsWith("down"));

        String status = status();
        assertThat(status.split("servicedowntime \\{", -1).length - 1).as("downtimes kept")
                .isEqualTo(DOWNTIME_HOSTS * FLIPPING_PER_HOST);
        assertThat(status.split("hostdowntime \\{", -1).length - 1).as("downtimes kept").isEqualTo(DOWNTIME_HOSTS);
        assertThat(status.split("problem_has_been_acknowledged=1", -1).length - 1).as("acknowledgements kept")
                .isEqualTo(ACKED);
        assertThat(Pattern.compile("comment_data=note \\d").matcher(status).results().count()).as("comments kept")
                .isEqualTo(10);
        assertThat(out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // ---------------------------------------------------------------------------------------------------
    // the checks

    private static Map<String, List<Received>> group(List<Received> all) {
        Map<String, List<Received>> out = new LinkedHashMap<>();
        for (Received r : all) {
            out.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The same notification (service, type, phase) received more than once. */
    private static int duplicates(Map<String, List<Received>> byService) {
        int n = 0;
        for (List<Received> list : byService.values()) {
            Set<String> seen = new HashSet<>();
            for (Received r : list) {
                if (!seen.add(r.type() + " " + r.phase())) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Not PROBLEM, RECOVERY, PROBLEM... in phase order: something is missing, repeated or out of order. */
    private static int contradictions(Map<String, List<Received>> byService) {
        int n = 0;
        for (List<Received> list : byService.values()) {
            String expected = "PROBLEM";
            long lastPhase = -1;
            for (Received r : list) {
                if (!r.type().equals(expected) || r.phase() <= lastPhase) {
                    n++;
                }
                expected = r.type().equals("PROBLEM") ? "RECOVERY" : "PROBLEM";
                lastPhase = r.phase();
            }
        }
        return n;
    }

    private static boolean allRecovered(List<String> lines) {
        return !lines.isEmpty() && unrecovered(lines).isEmpty();
    }

    private static List<String> unrecovered(List<String> lines) {
        Map<String, String> last = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (m.find() && !m.group(2).equals("ack")) {
                last.put(m.group(2) + "/" + m.group(3), m.group(1));
            }
        }
        return last.entrySet().stream().filter(e -> e.getValue().equals("PROBLEM")).map(Map.Entry::getKey).toList();
    }

    /** The services whose sequences break a rule, with both channels' sequences, for the failure message. */
    private static String broken(Map<String, List<Received>> byCommand, Map<String, List<Received>> byMail) {
        Map<String, List<String>> commands = sequences(byCommand);
        Map<String, List<String>> mails = sequences(byMail);
        Set<String> services = new java.util.TreeSet<>(commands.keySet());
        services.addAll(mails.keySet());
        StringBuilder out = new StringBuilder();
        for (String s : services) {
            Map<String, List<Received>> one = Map.of(s, byCommand.getOrDefault(s, List.of()));
            Map<String, List<Received>> other = Map.of(s, byMail.getOrDefault(s, List.of()));
            if (duplicates(one) + contradictions(one) + duplicates(other) + contradictions(other) > 0
                    || !commands.getOrDefault(s, List.of()).equals(mails.getOrDefault(s, List.of()))) {
                out.append(s).append(": command ").append(commands.get(s)).append("; email ").append(mails.get(s))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The log lines about the services in {@code broken} and every error and warning, for the failure message. */
    private String evidence(String broken) {
        List<String> about = new ArrayList<>();
        for (String line : broken.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                about.add(line.substring(0, colon).replace('/', ';'));
            }
        }
        StringBuilder out = new StringBuilder("log (all in " + dir + "):\n");
        try {
            for (String l : Files.readAllLines(dir.resolve("out.txt"))) {
                if (l.contains("Error") || l.contains("Warning:") || l.contains("starting...") || about.stream()
                        .anyMatch(a -> l.contains(a + ";") || l.contains(a + " ("))) {
                    out.append(l).append('\n');
                }
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    private static Map<String, List<String>> sequences(Map<String, List<Received>> byService) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        byService.forEach((service, list) -> out.put(service, list.stream().map(r -> r.type() + " " + r.phase())
                .toList()));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // the channels

    private List<String> commandLines() {
        Path f = dir.resolve("notified.txt");
        try {
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Received> parse(List<String> lines) {
        List<Received> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (m.find() && !m.group(2).equals("ack")) {
                out.add(new Received(m.group(1), m.group(2) + "/" + m.group(3), Long.parseLong(m.group(4)), ""));
            }
        }
        return out;
    }

    /** The mails in arrival order, one per Message-ID (a resend after a kill keeps its Message-ID). */
    private List<Received> mails() {
        try {
            return readMails();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Received> readMails() throws jakarta.mail.MessagingException {
        List<Received> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!ids.add(m.getMessageID())) {
                continue;
            }
            Matcher s = SUBJECT.matcher(m.getSubject());
            Matcher p = PHASE.matcher(GreenMailUtil.getBody(m));
            if (s.find() && p.find() && !s.group(2).equals("ack")) {
                out.add(new Received(s.group(1), s.group(2) + "/" + s.group(3), Long.parseLong(p.group(1)),
                        m.getMessageID()));
            }
        }
        return out;
    }

    /** The mails as lines like the command's, for {@link #allRecovered}. */
    private List<String> mailLines() {
        List<String> out = new ArrayList<>();
        for (Received r : mails()) {
            out.add(r.type() + "|" + r.service().replace('/', '|') + "|phase " + r.phase());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // the monitor

    private void config(int smtpPort) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                command_file=nagios.cmd
                status_file=status.dat
                status_update_interval=1
                state_retention_file=retention.dat
                interval_length=1
                enable_flap_detection=0
                illegal_macro_output_chars=`
                """);
        // the phase of a cycle of PERIOD seconds shifted by OFFSET: odd phases CRITICAL, even ones OK
        Files.writeString(dir.resolve("flip.sh"), """
                if [ -f '%1$s/freeze' ]; then echo "OK - frozen phase 99999999999"; exit 0; fi
                if [ -f '%1$s/hold' ]; then echo "OK - held phase 0"; exit 0; fi
                phase=$(( (EPOCHSECONDS + $2) / $1 ))
                if [ $((phase %% 2)) -eq 1 ]; then echo "CRITICAL - phase $phase"; exit 2; fi
                echo "OK - phase $phase"
                """.formatted(dir));
        StringBuilder o = new StringBuilder("""
                define command {
                    command_name flip
                    command_line /bin/bash %1$s/flip.sh $ARG1$ $ARG2$
                }
                define command {
                    command_name steady
                    command_line /bin/echo OK - steady phase 0
                }
                define command {
                    command_name critical
                    command_line /bin/sh -c 'echo CRITICAL - always phase 1; exit 2'
                }
                define command {
                    command_name record
                    command_line /bin/sh -c 'echo "$NOTIFICATIONTYPE$|$HOSTNAME$|$SERVICEDESC$|$SERVICEOUTPUT$" >> %1$s/notified.txt'
                }
                define command {
                    command_name vigil-email
                    command_line vigil-notify email
                }
                define contact {
                    contact_name oncall
                    email oncall@example.com
                    host_notification_options n
                    service_notification_options c,r
                    host_notification_commands record
                    service_notification_commands record,vigil-email
                }
                define service {
                    name base
                    register 0
                    max_check_attempts 1
                    check_interval 2
                    retry_interval 2
                    notification_interval 0
                    contacts oncall
                }
                """.formatted(dir));
        List<String> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            hosts.add("host" + h);
        }
        for (int d = 0; d < DOWNTIME_HOSTS; d++) {
            hosts.add("down" + d);
        }
        for (String h : hosts) {
            o.append("define host {\n host_name ").append(h).append("\n max_check_attempts 1\n contacts oncall\n}\n");
            for (int i = 0; i < FLIPPING_PER_HOST; i++) {
                int period = 16 + random.nextInt(12);
                o.append("define service {\n use base\n host_name ").append(h).append("\n service_description flip")
                        .append(i).append("\n check_command flip!").append(period).append('!')
                        .append(random.nextInt(period * 2)).append("\n}\n");
            }
            if (h.startsWith("host")) {
                for (int i = 0; i < STEADY_PER_HOST; i++) {
                    o.append("define service {\n use base\n host_name ").append(h)
                            .append("\n service_description steady").append(i).append("\n check_command steady\n}\n");
                }
            }
        }
        o.append("define host {\n host_name ack\n max_check_attempts 1\n contacts oncall\n}\n");
        for (int i = 0; i < ACKED; i++) {
            o.append("define service {\n use base\n host_name ack\n service_description critical").append(i)
                    .append("\n check_command critical\n}\n");
        }
        Files.writeString(dir.resolve("objects.cfg"), o);
        Files.writeString(dir.resolve("vigil.yml"), """
                nagios_config: nagios.cfg
                notifications:
                  email:
                    host: 127.0.0.1
                    port: %d
                    from: vigil@example.com
                    timeout: 5
                  outbox:
                    retry_initial: 1
                    retry_max: 2
                """.formatted(smtpPort));
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", "--web-config", dir.resolve("vigil.yml").toString()))
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.txt").toFile())).start();
    }

    private void command(String lines) throws Exception {
        Path text = dir.resolve("commands.txt");
        StringBuilder stamped = new StringBuilder();
        for (String l : lines.split("\n")) {
            stamped.append('[').append(System.currentTimeMillis() / 1000).append("] ").append(l).append('\n');
        }
        Files.writeString(text, stamped);
        Process p = new ProcessBuilder("/bin/sh", "-c", "cat '" + text + "' > '" + dir.resolve("nagios.cmd") + "'")
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private String log() {
        try {
            Path f = dir.resolve("nagios.log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String status() {
        try {
            Path f = dir.resolve("status.dat");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"));
    }

    private int count(String text) {
        return log().split(Pattern.quote(text), -1).length - 1;
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        await(what, condition, () -> "");
    }

    private void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> detail)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String o = out();
                assertThat(detail.get() + "\n..." + o.substring(Math.max(0, o.length() - 20_000)))
                        .as("waiting for " + what).isEmpty();
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
