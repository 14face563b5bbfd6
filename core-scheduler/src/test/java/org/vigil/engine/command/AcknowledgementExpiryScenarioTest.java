package org.vigil.engine.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.comment.Comment;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.Fields;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.TestConfig;

/**
 * {@code ACKNOWLEDGE_HOST_PROBLEM_EXPIRE} and {@code ACKNOWLEDGE_SVC_PROBLEM_EXPIRE} (Icinga 1 and Naemon:
 * {@code host;[service;]sticky;notify;persistent;end_time;author;comment}) as a table of command lines on a manual
 * clock; a {@code tick} row runs the daemon's once-a-second expiry. Fields as in {@link CommentScenarioTest}, with
 * {@code OBJ.comments} as {@code id:entry_type:author:persistent:expire_time} ({@code +N} from T0, {@code 0} for
 * none). Nagios 4.4.6 does not know these commands, so no row was compared with nagios4.
 */
class AcknowledgementExpiryScenarioTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private EngineFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void acknowledgementsEndAtTheirTime() throws Exception {
        fx = EngineFixture.on(TestConfig.load(dir, "", TestConfig.WEB1), T0).start();
        play("""
                | t  | line                                                                        | expect                                               | log
                | 0  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down                       | http.state=CRITICAL/SOFT/1                            | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;down
                | 1  | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60};alice;on it; 1 min | http.ack=STICKY/1 http.comments=1:4:alice:0:+60      | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60};alice;on it; 1 min
                | 59 | tick                                                                        | http.ack=STICKY/1 http.comments=1:4:alice:0:+60      |
                | 60 | tick                                                                        | http.ack=NONE/0 http.comments=-                      | SERVICE ACKNOWLEDGEMENT EXPIRED: web1;http;{+60}
                | 61 | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;1;0;1;{+120};bob;kept      | http.ack=NORMAL/1 http.comments=2:4:bob:1:+120       | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;1;0;1;{+120};bob;kept
                | 62 | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;0;0;carol;no end                | http.ack=STICKY/1 http.comments=2:4:bob:1:+120,3:4:carol:0:0 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;0;0;carol;no end
                | 130 | tick                                                                        | http.ack=STICKY/1                                    |
                | 131 | [{now}] REMOVE_SVC_ACKNOWLEDGEMENT;web1;http                               | http.ack=STICKY/0 http.comments=2:4:bob:1:+120       | EXTERNAL COMMAND: REMOVE_SVC_ACKNOWLEDGEMENT;web1;http
                | 132 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down                               | web1.state=DOWN/HARD/1                                | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;OK - fine // HOST ALERT: web1;DOWN;HARD;1;down
                | 133 | [{now}] ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;1;0;0;{+200};dave;cable        | web1.ack=NORMAL/1 web1.comments=4:4:dave:0:+200      | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;1;0;0;{+200};dave;cable
                | 150 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up                                 | web1.state=UP/HARD/1 web1.ack=NONE/0 web1.comments=- | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;1;down // HOST ALERT: web1;UP;HARD;1;up
                | 200 | tick                                                                        | web1.ack=NONE/0                                      |
                """);
    }

    @Test
    void badLinesAreRefusedWithTheReason() throws Exception {
        fx = EngineFixture.on(TestConfig.load(dir, "", TestConfig.WEB1), T0).start();
        play("""
                | t | line                                                                  | expect                          | log
                | 0 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down                 | http.state=CRITICAL/SOFT/1      | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;down
                | 1 | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+1};al;past   | http.ack=NONE/0 http.comments=- | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+1};al;past // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+1};al;past // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+1};al;past returned error Command failed (end_time '{+1}' is not a time after the command's own ({now}, seconds since 1970): the acknowledgement would end before it starts)
                | 2 | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;soon;al;text   | http.ack=NONE/0                 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;soon;al;text // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;soon;al;text // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;soon;al;text returned error Command failed (end_time 'soon' is not a time after the command's own ({now}, seconds since 1970): the acknowledgement would end before it starts)
                | 3 | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;al;no end time  | http.ack=NONE/0                 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;al;no end time // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;al;no end time // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;al;no end time returned error Command failed (ACKNOWLEDGE_SVC_PROBLEM_EXPIRE takes 8 arguments (host_name;service_description;sticky;notify;persistent;end_time;author;comment), got 7)
                | 4 | [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60}          | http.ack=NONE/0                 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60} // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60} // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;2;0;0;{+60} returned error Command failed (ACKNOWLEDGE_SVC_PROBLEM_EXPIRE takes 8 arguments (host_name;service_description;sticky;notify;persistent;end_time;author;comment), got 6)
                | 5 | [{now}] ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;2;0;0;{+60};al;host is UP | web1.ack=NONE/0 web1.comments=- | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;2;0;0;{+60};al;host is UP // Error: External command failed -> ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;2;0;0;{+60};al;host is UP // External command [{now}] ACKNOWLEDGE_HOST_PROBLEM_EXPIRE;web1;2;0;0;{+60};al;host is UP returned error Command failed (host 'web1' is UP: there is no problem to acknowledge)
                """);
    }

    private void play(String table) throws Exception {
        Fields fields = new Fields(fx, T0);
        new ScenarioTable(fx, T0).play(table, (line, at) -> {
            if (line.equals("tick")) {
                fx.engine.call(() -> {
                    fx.engine.expireAcknowledgements(at);
                    return null;
                });
            } else {
                fx.commands.submitLine(ScenarioTable.fill(line, at, T0));
            }
            fx.awaitIdle();
        }, expect -> fields.render(expect, program -> "-",
                (t, field) -> field.equals("comments") ? comments(fx.engine.comments().of(t)) : null));
    }

    private static String comments(List<Comment> list) {
        if (list.isEmpty()) {
            return "-";
        }
        return String.join(",", list.stream().map(c -> c.id() + ":" + c.type().code() + ":" + c.author() + ":"
                + (c.persistent() ? 1 : 0) + ":" + (c.expires()
                ? "+" + (c.expireTime().getEpochSecond() - T0.getEpochSecond()) : "0")).toList());
    }
}
