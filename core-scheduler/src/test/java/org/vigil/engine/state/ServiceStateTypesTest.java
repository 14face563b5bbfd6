package org.vigil.engine.state;

import org.junit.jupiter.api.Test;

/**
 * Service soft/hard transitions, step by step. Expected rows are worked out by hand from the Nagios
 * "State Types" documentation and Nagios 4.4's {@code handle_async_service_check_result}; host "h" is
 * UP and was last checked at T0, interval_length is 60, check_interval 5, retry_interval 1.
 */
class ServiceStateTypesTest {

    private final HostStatus host = Fixtures.upHost("h");

    private void play(ServiceStatus svc, StateSettings settings, String table) {
        ServiceResultHandler handler = new ServiceResultHandler(settings, EventIds.fresh());
        StepTable.of(table).play(svc, row -> {
            if (row.containsKey("host")) {
                host.setCurrentState(HostState.valueOf(row.get("host")));
            }
            return handler.apply(svc, host, StepTable.outcome(row), StepTable.at(row));
        });
    }

    private static StateSettings logRetries() {
        return StateSettings.defaults().withLogRetries(true, true);
    }

    /**
     * The example table of the "State Types" documentation (max_check_attempts 3). Two columns differ from
     * the page, which dates from Nagios 2: a hard problem keeps its attempt at 3 (the page resets it to 1),
     * and every change of state also asks for a check of the host. The soft recovery is logged as OK SOFT 2
     * as on the page, then the service is OK HARD 1 at once; it also counts as the last hard state change.
     */
    @Test
    void theStateTypesDocumentationExample() {
        play(Fixtures.service(3), logRetries(), """
            | t    | rc | state    | type | att | chg | hard | notify | handler | chk | next | lsc   | lhsc  | log
            | 0    | 0  | OK       | HARD | 1   | no  | no   | no     | no      | -   | 300  | never | never | -
            | 300  | 2  | CRITICAL | SOFT | 1   | yes | no   | no     | yes     | h   | 360  | 300   | 0     | SERVICE ALERT: h;s;CRITICAL;SOFT;1;CRIT
            | 360  | 1  | WARNING  | SOFT | 2   | yes | no   | no     | yes     | h   | 420  | 360   | 0     | SERVICE ALERT: h;s;WARNING;SOFT;2;WARN
            | 420  | 2  | CRITICAL | HARD | 3   | yes | yes  | yes    | yes     | h   | 720  | 420   | 420   | SERVICE ALERT: h;s;CRITICAL;HARD;3;CRIT
            | 720  | 1  | WARNING  | HARD | 3   | yes | yes  | yes    | yes     | h   | 1020 | 720   | 720   | SERVICE ALERT: h;s;WARNING;HARD;3;WARN
            | 1020 | 1  | WARNING  | HARD | 3   | no  | no   | yes    | no      | -   | 1320 | 720   | 720   | -
            | 1320 | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | -   | 1620 | 1320  | 1320  | SERVICE ALERT: h;s;OK;HARD;3;OK
            | 1620 | 0  | OK       | HARD | 1   | no  | no   | no     | no      | -   | 1920 | 1320  | 1320  | -
            | 1920 | 3  | UNKNOWN  | SOFT | 1   | yes | no   | no     | yes     | h   | 1980 | 1920  | 1320  | SERVICE ALERT: h;s;UNKNOWN;SOFT;1;UNKN
            | 1980 | 0  | OK       | HARD | 1   | yes | no   | no     | yes     | -   | 2040 | 1980  | 1980  | SERVICE ALERT: h;s;OK;SOFT;2;OK
            | 2040 | 0  | OK       | HARD | 1   | no  | no   | no     | no      | -   | 2340 | 1980  | 1980  | -
            """);
    }

    /**
     * Attempts count up at the retry interval to max_check_attempts and stay there while the problem
     * lasts; every hard problem result is a notification to consider; OK resets the attempt. Without
     * log_service_retries (Nagios's default) only the hard alerts are logged.
     */
    @Test
    void attemptsCountToTheMaximumAndStayThere() {
        play(Fixtures.service(4), StateSettings.defaults(), """
            | t    | rc | state    | type | att | chg | hard | notify | handler | chk | next | log
            | 0    | 2  | CRITICAL | SOFT | 1   | yes | no   | no     | yes     | -   | 60   | -
            | 60   | 2  | CRITICAL | SOFT | 2   | no  | no   | no     | yes     | -   | 120  | -
            | 120  | 2  | CRITICAL | SOFT | 3   | no  | no   | no     | yes     | -   | 180  | -
            | 180  | 2  | CRITICAL | HARD | 4   | no  | yes  | yes    | yes     | -   | 480  | SERVICE ALERT: h;s;CRITICAL;HARD;4;CRIT
            | 480  | 2  | CRITICAL | HARD | 4   | no  | no   | yes    | no      | -   | 780  | -
            | 780  | 3  | UNKNOWN  | HARD | 4   | yes | yes  | yes    | yes     | h   | 1080 | SERVICE ALERT: h;s;UNKNOWN;HARD;4;UNKN
            | 1080 | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | -   | 1380 | SERVICE ALERT: h;s;OK;HARD;4;OK
            | 1380 | 1  | WARNING  | SOFT | 1   | yes | no   | no     | yes     | h   | 1440 | -
            | 1440 | 0  | OK       | HARD | 1   | yes | no   | no     | yes     | -   | 1500 | -
            """);
    }

    /** With max_check_attempts 1 every problem is hard at once, and a change between problems too. */
    @Test
    void oneAttemptMakesEveryChangeHard() {
        play(Fixtures.service(1), StateSettings.defaults(), """
            | t   | rc | state    | type | att | chg | hard | notify | handler | chk | next | log
            | 0   | 2  | CRITICAL | HARD | 1   | yes | yes  | yes    | yes     | -   | 300  | SERVICE ALERT: h;s;CRITICAL;HARD;1;CRIT
            | 300 | 2  | CRITICAL | HARD | 1   | no  | no   | yes    | no      | -   | 600  | -
            | 600 | 1  | WARNING  | HARD | 1   | yes | yes  | yes    | yes     | h   | 900  | SERVICE ALERT: h;s;WARNING;HARD;1;WARN
            | 900 | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | -   | 1200 | SERVICE ALERT: h;s;OK;HARD;1;OK
            """);
    }

    /** A volatile service treats every hard problem result as new: logged, notified, handled. */
    @Test
    void aVolatileServiceAlertsOnEveryHardProblem() {
        ServiceStatus svc = new ServiceStatus(Fixtures.service("h", "s", Fixtures.check("c", 'o', 3, 5), true, ""));
        play(svc, StateSettings.defaults(), """
            | t   | rc | state    | type | att | chg | hard | notify | handler | next | log
            | 0   | 2  | CRITICAL | SOFT | 1   | yes | no   | no     | yes     | 60   | -
            | 60  | 2  | CRITICAL | SOFT | 2   | no  | no   | no     | yes     | 120  | -
            | 120 | 2  | CRITICAL | HARD | 3   | no  | yes  | yes    | yes     | 420  | SERVICE ALERT: h;s;CRITICAL;HARD;3;CRIT
            | 420 | 2  | CRITICAL | HARD | 3   | no  | no   | yes    | yes     | 720  | SERVICE ALERT: h;s;CRITICAL;HARD;3;CRIT
            | 720 | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | 1020 | SERVICE ALERT: h;s;OK;HARD;3;OK
            | 1020| 0  | OK       | HARD | 1   | no  | no   | no     | no      | 1320 | -
            """);
    }

    /**
     * While its host is DOWN a problem is hard at once without a notification: at attempt 1 when it
     * follows OK, at max_check_attempts when it follows another problem. The same problem again asks to
     * re-notify about the host instead. Once the host is UP again the still hard
     * problem is notified; a recovery while the host is down is a hard recovery.
     */
    @Test
    void aServiceOnAHostThatIsNotUpGoesHardAtOnce() {
        play(Fixtures.service(3), StateSettings.defaults(), """
            | t    | host        | rc | state    | type | att | chg | hard | notify | handler | hnote | chk | next | log
            | 0    | DOWN        | 2  | CRITICAL | HARD | 1   | yes | yes  | no     | yes     | no    | -   | 300  | SERVICE ALERT: h;s;CRITICAL;HARD;1;CRIT
            | 300  | DOWN        | 2  | CRITICAL | HARD | 1   | no  | no   | no     | no      | yes   | -   | 600  | -
            | 600  | UP          | 2  | CRITICAL | HARD | 1   | no  | no   | yes    | no      | no    | -   | 900  | -
            | 900  | UNREACHABLE | 1  | WARNING  | HARD | 3   | yes | yes  | no     | yes     | no    | -   | 1200 | SERVICE ALERT: h;s;WARNING;HARD;3;WARN
            | 1200 | UNREACHABLE | 0  | OK       | HARD | 1   | yes | yes  | yes    | yes     | no    | h   | 1500 | SERVICE ALERT: h;s;OK;HARD;3;OK
            | 1500 | UP          | 0  | OK       | HARD | 1   | no  | no   | no     | no      | no    | -   | 1800 | -
            """);
    }

    /** Passive results count attempts like active ones; they reschedule the active check only on a change. */
    @Test
    void passiveResultsGoThroughTheSameLogic() {
        play(Fixtures.service(3), StateSettings.defaults(), """
            | t  | rc | state    | type | att | chg | hard | notify | handler | next | log
            | 0  | P2 | CRITICAL | SOFT | 1   | yes | no   | no     | yes     | 60   | PASSIVE SERVICE CHECK: h;s;0;(null)
            | 30 | P2 | CRITICAL | SOFT | 2   | no  | no   | no     | yes     | -    | PASSIVE SERVICE CHECK: h;s;2;CRIT
            | 45 | P2 | CRITICAL | HARD | 3   | no  | yes  | yes    | yes     | 345  | PASSIVE SERVICE CHECK: h;s;2;CRIT // SERVICE ALERT: h;s;CRITICAL;HARD;3;CRIT
            | 50 | P0 | OK       | HARD | 1   | yes | yes  | yes    | yes     | 350  | PASSIVE SERVICE CHECK: h;s;2;CRIT // SERVICE ALERT: h;s;OK;HARD;3;OK
            """);
    }

    /** stalking_options log every change of output in a stalked state, even without a state change. */
    @Test
    void stalkingLogsChangedOutput() {
        ServiceStatus svc = new ServiceStatus(Fixtures.service("h", "s", Fixtures.check("c", 'o', 1, 5), false, "c"));
        play(svc, StateSettings.defaults(), """
            | t   | rc | out     | state    | type | att | chg | notify | log
            | 0   | 0  | fine    | OK       | HARD | 1   | no  | no     | -
            | 300 | 0  | better  | OK       | HARD | 1   | no  | no     | -
            | 600 | 2  | load 9  | CRITICAL | HARD | 1   | yes | yes    | SERVICE ALERT: h;s;CRITICAL;HARD;1;load 9
            | 900 | 2  | load 9  | CRITICAL | HARD | 1   | no  | yes    | -
            | 1200| 2  | load 12 | CRITICAL | HARD | 1   | no  | yes    | SERVICE ALERT: h;s;CRITICAL;HARD;1;load 12
            """);
    }
}
