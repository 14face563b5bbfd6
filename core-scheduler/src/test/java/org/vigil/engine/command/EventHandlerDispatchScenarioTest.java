package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * Event handlers offered to a {@link HandlerDispatch} (gearmand workers, issue 20) before they run: the log line is
 * written either way, as Nagios writes it before its broker may take the handler; what the dispatch takes is not run
 * here (no handler process writes its file), what it declines or fails to send runs here as before.
 */
class EventHandlerDispatchScenarioTest {

    /** What the dispatch was offered: subject, command line, timeout. */
    record Offer(CheckSubject subject, String line, Duration timeout) {
    }

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();

    @Test
    void whatTheDispatchTakesIsNotRunHereAndWhatItDeclinesIs() throws Exception {
        List<Offer> offers = new CopyOnWriteArrayList<>();
        HandlerDispatch servicesOnly = (subject, line, timeout) -> {
            offers.add(new Offer(subject, line, timeout));
            return !subject.isHost();
        };
        PassiveScenarioTable table = closing.add(new PassiveScenarioTable(dir,
                "global_service_event_handler=handler!global\nevent_handler_timeout=17\n", servicesOnly));
        table.play("""
                | t  | line                                                   | expect                    | log
                | 0  | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT  | http.state=CRITICAL/SOFT/1 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRIT // GLOBAL SERVICE EVENT HANDLER: web1;http;CRITICAL;SOFT;1;handler!global // SERVICE EVENT HANDLER: web1;http;CRITICAL;SOFT;1;handler!http
                | 10 | [{now}] PROCESS_HOST_CHECK_RESULT;web1;1;down          | web1.state=DOWN/HARD/1     | EXTERNAL COMMAND: PROCESS_HOST_CHECK_RESULT;web1;1;down // PASSIVE HOST CHECK: web1;0;OK - fine // HOST ALERT: web1;DOWN;HARD;1;down // HOST EVENT HANDLER: web1;DOWN;HARD;1;host-handler!host
                """);
        assertThat(table.handlerOutput("http")).isEmpty();
        assertThat(table.handlerOutput("global")).isEmpty();
        assertThat(table.handlerOutput("host")).containsExactly("web1 DOWN HARD 1");
        String script = dir.resolve("handler.sh").toString();
        assertThat(offers).containsExactlyInAnyOrder(
                new Offer(CheckSubject.service("web1", "http"), "/bin/sh " + script + " " + dir.resolve("global.out")
                        + " web1 http CRITICAL 2 SOFT 1 CRIT", Duration.ofSeconds(17)),
                new Offer(CheckSubject.service("web1", "http"), "/bin/sh " + script + " " + dir.resolve("http.out")
                        + " web1 http CRITICAL 2 SOFT 1 CRIT", Duration.ofSeconds(17)),
                new Offer(CheckSubject.host("web1"), "/bin/sh " + script + " " + dir.resolve("host.out")
                        + " web1 DOWN HARD 1", Duration.ofSeconds(17)));
    }

    @Test
    void aHandlerThatCannotBeSentRunsHereAndTheLogSaysWhy() throws Exception {
        HandlerDispatch broken = (subject, line, timeout) -> {
            throw new IllegalStateException("gearmand at localhost:4730 refused the connection");
        };
        PassiveScenarioTable table = closing.add(new PassiveScenarioTable(dir, "", broken));
        String line = "/bin/sh " + dir.resolve("handler.sh") + " " + dir.resolve("http.out")
                + " web1 http CRITICAL 2 SOFT 1 CRIT";
        table.play("""
                | t | line                                                  | expect                     | log
                | 0 | [{now}] PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT | http.state=CRITICAL/SOFT/1 | EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;web1;http;2;CRIT // PASSIVE SERVICE CHECK: web1;http;0;(null) // SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRIT // SERVICE EVENT HANDLER: web1;http;CRITICAL;SOFT;1;handler!http // Warning: Service event handler command 'LINE' could not be sent to a worker (gearmand at localhost:4730 refused the connection): run here
                """.replace("LINE", line));
        assertThat(table.handlerOutput("http")).containsExactly("web1 http CRITICAL 2 SOFT 1 CRIT");
    }
}
