package org.vigil.engine.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.EngineListener;
import org.vigil.engine.comment.Comment;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.Fields;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.TestConfig;

/**
 * Comments and acknowledgements as a table of commands (passive results included) on a manual clock; each
 * row gives the line written at {@code t} seconds after T0, the fields expected after it and the main log
 * lines it wrote ({@code //} between lines). Fields: {@code OBJ.state} (state/type/attempt), {@code OBJ.ack}
 * (Nagios's {@code acknowledgement_type} name / {@code problem_has_been_acknowledged}), {@code OBJ.comments}
 * ({@code id:entry_type:author:persistent:entry_time} in id order, {@code -} for none; times as {@code +N}),
 * and {@code program.notified} (the acknowledgements the listener heard of so far: {@code author:notify}).
 *
 * <p>Every expectation was observed with nagios4 4.4.6 writing the same commands to its command file, except
 * the failures Vigil adds where Nagios silently does nothing (docs/compatibility.md): an acknowledgement of an
 * OK service or UP host, and the deletion of a comment id that is not one of the command's kind.
 */
class CommentScenarioTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private final List<String> notified = new CopyOnWriteArrayList<>();
    private EngineFixture fx;

    private void start() throws Exception {
        EngineListener listener = new EngineListener() {
            @Override
            public void acknowledged(CheckTarget target, CheckableStatus<?> status, String author, String comment,
                                     boolean notify) {
                // called before the acknowledgement is set, as Nagios notifies first
                notified.add(author + ":" + (notify ? 1 : 0) + ":" + (status.problemHasBeenAcknowledged() ? 1 : 0));
            }
        };
        fx = EngineFixture.on(TestConfig.load(dir, "", TestConfig.WEB1), T0).listener(listener).start();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void serviceAcknowledgementsAndComments() throws Exception {
        start();
        play("""
                | t  | line                                                                   | expect                                                        | log
                | 0  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;fine                  | http.state=OK/HARD/1 http.ack=NONE/0                           | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;fine // PASSIVE SERVICE CHECK: web1;http;0;(null)
                | 1  | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on OK            | http.ack=NONE/0 http.comments=- program.notified=-                    | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on OK // Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on OK // External command [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on OK returned error Command failed (service 'http' on host 'web1' is OK: there is no problem to acknowledge)
                | 2  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down                  | http.state=CRITICAL/SOFT/1                                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;0;fine // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;down
                | 3  | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on it; really    | http.ack=NORMAL/1 http.comments=1:4:alice:0:+3 program.notified=alice:1:0 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;1;1;0;alice;on it; really
                | 4  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down                  | http.state=CRITICAL/SOFT/2 http.ack=NORMAL/1 http.comments=1:4:alice:0:+3 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;CRITICAL;SOFT;2;down
                | 5  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;1;warn                  | http.state=WARNING/HARD/3 http.ack=NONE/0 http.comments=-     | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;1;warn // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;WARNING;HARD;3;warn
                | 6  | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;0;1;bob;sticky             | http.ack=STICKY/1 http.comments=2:4:bob:1:+6 program.notified=alice:1:0,bob:0:0 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;0;1;bob;sticky
                | 7  | [{now}] ADD_SVC_COMMENT;web1;http;0;carol;note; with a semicolon       | http.comments=2:4:bob:1:+6,3:1:carol:0:+7                     | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;http;0;carol;note; with a semicolon
                | 8  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down                  | http.state=CRITICAL/HARD/3 http.ack=STICKY/1                   | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;down // PASSIVE SERVICE CHECK: web1;http;1;warn // SERVICE ALERT: web1;http;CRITICAL;HARD;3;down
                | 9  | [{now}] REMOVE_SVC_ACKNOWLEDGEMENT;web1;http                           | http.ack=STICKY/0 http.comments=2:4:bob:1:+6,3:1:carol:0:+7   | EXTERNAL COMMAND: REMOVE_SVC_ACKNOWLEDGEMENT;web1;http
                | 10 | [{now}] ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;1;0;dave;until it is back  | http.ack=STICKY/1 http.comments=2:4:bob:1:+6,3:1:carol:0:+7,4:4:dave:0:+10 | EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;1;0;dave;until it is back
                | 11 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;1;better                | http.state=WARNING/HARD/3 http.ack=STICKY/1                    | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;1;better // PASSIVE SERVICE CHECK: web1;http;2;down // SERVICE ALERT: web1;http;WARNING;HARD;3;better
                | 12 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;0;back                  | http.state=OK/HARD/1 http.ack=NONE/0 http.comments=2:4:bob:1:+6,3:1:carol:0:+7 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;0;back // PASSIVE SERVICE CHECK: web1;http;1;better // SERVICE ALERT: web1;http;OK;HARD;3;back
                | 13 | [{now}] DEL_SVC_COMMENT;3                                               | http.comments=2:4:bob:1:+6                                    | EXTERNAL COMMAND: DEL_SVC_COMMENT;3
                | 14 | [{now}] DEL_HOST_COMMENT;2                                              | http.comments=2:4:bob:1:+6                                    | EXTERNAL COMMAND: DEL_HOST_COMMENT;2 // Error: External command failed -> DEL_HOST_COMMENT;2 // External command [{now}] DEL_HOST_COMMENT;2 returned error Command failed (comment 2 is not a host comment (DEL_SVC_COMMENT deletes it))
                | 15 | [{now}] DEL_SVC_COMMENT;99                                              | http.comments=2:4:bob:1:+6                                    | EXTERNAL COMMAND: DEL_SVC_COMMENT;99 // Error: External command failed -> DEL_SVC_COMMENT;99 // External command [{now}] DEL_SVC_COMMENT;99 returned error Command failed (there is no comment with id 99)
                | 16 | [{now}] DEL_SVC_COMMENT;0                                               | http.comments=2:4:bob:1:+6                                    | EXTERNAL COMMAND: DEL_SVC_COMMENT;0 // Error: External command failed -> DEL_SVC_COMMENT;0 // External command [{now}] DEL_SVC_COMMENT;0 returned error Command failed (comment id '0' is not a number from 1)
                | 17 | [{now}] ADD_SVC_COMMENT;web1;http;1;;                                   | http.comments=2:4:bob:1:+6,5:1::1:+17                          | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;http;1;;
                | 18 | [{now}] DEL_ALL_SVC_COMMENTS;web1;http                                 | http.comments=-                                               | EXTERNAL COMMAND: DEL_ALL_SVC_COMMENTS;web1;http
                """);
    }

    @Test
    void hostAcknowledgementsAndComments() throws Exception {
        start();
        play("""
                | t  | line                                                          | expect                                                           | log
                | 0  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up                   | web1.state=UP/HARD/1                                              | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up // PASSIVE HOST CHECK: web1;0;(null)
                | 1  | [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;1;hal;on UP           | web1.ack=NONE/0 web1.comments=-                                   | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;1;hal;on UP // Error: External command failed -> ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;1;hal;on UP // External command [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;1;hal;on UP returned error Command failed (host 'web1' is UP: there is no problem to acknowledge)
                | 2  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down                 | web1.state=DOWN/HARD/1                                            | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;up // HOST ALERT: web1;DOWN;HARD;1;down
                | 3  | [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;1;0;0;hal;cable cut      | web1.ack=NORMAL/1 web1.comments=1:4:hal:0:+3 program.notified=hal:0:0      | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM;web1;1;0;0;hal;cable cut
                | 4  | [{now}] ADD_HOST_COMMENT;web1;1;eve;rack 4                    | web1.comments=1:4:hal:0:+3,2:1:eve:1:+4                            | EXTERNAL COMMAND: ADD_HOST_COMMENT;web1;1;eve;rack 4
                | 5  | [{now}] ADD_SVC_COMMENT;web1;disk;5;eve;disk note              | web1.comments=1:4:hal:0:+3,2:1:eve:1:+4 disk.comments=3:1:eve:1:+5 | EXTERNAL COMMAND: ADD_SVC_COMMENT;web1;disk;5;eve;disk note
                | 6  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;still down           | web1.ack=NORMAL/1 web1.comments=1:4:hal:0:+3,2:1:eve:1:+4          | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;still down // PASSIVE HOST CHECK: web1;1;down
                | 7  | [{now}] PROCESS_HOST_CHECK_RESULT;web1;2;unreachable now       | web1.state=UNREACHABLE/HARD/1 web1.ack=NONE/0 web1.comments=2:1:eve:1:+4 | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;2;unreachable now // PASSIVE HOST CHECK: web1;1;still down // HOST ALERT: web1;UNREACHABLE;HARD;1;unreachable now
                | 8  | [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;0;hal;sticky          | web1.ack=STICKY/1 web1.comments=2:1:eve:1:+4,4:4:hal:0:+8          | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM;web1;2;1;0;hal;sticky
                | 9  | [{now}] DEL_ALL_HOST_COMMENTS;web1                            | web1.ack=STICKY/1 web1.comments=- disk.comments=3:1:eve:1:+5       | EXTERNAL COMMAND: DEL_ALL_HOST_COMMENTS;web1
                | 10 | [{now}] REMOVE_HOST_ACKNOWLEDGEMENT;web1                      | web1.ack=STICKY/0                                                  | EXTERNAL COMMAND: REMOVE_HOST_ACKNOWLEDGEMENT;web1
                | 11 | [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;x;1;0;hal;bad            | web1.ack=STICKY/0                                                  | EXTERNAL COMMAND: ACKNOWLEDGE_HOST_PROBLEM;web1;x;1;0;hal;bad // Error: External command failed -> ACKNOWLEDGE_HOST_PROBLEM;web1;x;1;0;hal;bad // External command [{now}] ACKNOWLEDGE_HOST_PROBLEM;web1;x;1;0;hal;bad returned error Command failed (sticky 'x' is not a number (2 sticky, 1 normal))
                | 12 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;0;up again             | web1.state=UP/HARD/1 web1.ack=NONE/0                               | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;0;up again // PASSIVE HOST CHECK: web1;2;unreachable now // HOST ALERT: web1;UP;HARD;1;up again
                """);
    }

    /** Each row writes its line. */
    private void play(String table) throws Exception {
        Fields fields = new Fields(fx, T0);
        new ScenarioTable(fx, T0).play(table, (line, at) -> {
            fx.commands.submitLine(ScenarioTable.fill(line, at, T0));
            fx.awaitIdle();
        }, expect -> fields.render(expect,
                program -> notified.isEmpty() ? "-" : String.join(",", notified),
                (t, field) -> field.equals("comments") ? comments(fx.engine.comments().of(t)) : null));
    }

    private static String comments(List<Comment> list) {
        if (list.isEmpty()) {
            return "-";
        }
        return String.join(",", list.stream().map(c -> c.id() + ":" + c.type().code() + ":" + c.author() + ":"
                + (c.persistent() ? 1 : 0) + ":+" + (c.entryTime().getEpochSecond() - T0.getEpochSecond()))
                .toList());
    }
}
