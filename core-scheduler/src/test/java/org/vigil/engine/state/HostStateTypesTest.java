package org.vigil.engine.state;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Host soft/hard transitions, step by step, worked out by hand from Nagios 4.4's
 * {@code handle_async_host_check_result}. Host "h" starts PENDING (initial state UP); an optional
 * parent "p" is UP and last checked at T0. check_interval 5, retry_interval 1, interval_length 60.
 * Host plugin codes: 0 UP, 1 UP (WARNING counts as UP), 2 and 3 DOWN before the parents are consulted.
 */
class HostStateTypesTest {

    private final HostStatus parent = Fixtures.upHost("p");

    private void play(HostStatus host, StateSettings settings, String table) {
        List<HostStatus> all = new ArrayList<>(List.of(host, parent));
        HostResultHandler handler = new HostResultHandler(settings, EventIds.fresh(), HostNetwork.of(all));
        StepTable.of(table).play(host, row -> {
            if (row.containsKey("parent")) {
                parent.setCurrentState(HostState.valueOf(row.get("parent")));
            }
            return handler.apply(host, StepTable.hostOutcome(row), StepTable.at(row));
        });
    }

    /**
     * Attempts count at the retry interval up to max_check_attempts, then the host is hard DOWN and
     * rechecked at the normal interval. A soft state change is logged even without log_host_retries:
     * 4.4's log_host_event, unlike log_service_event, has no soft filter; the retries are not.
     */
    @Test
    void hostAttemptsCountToTheMaximum() {
        play(Fixtures.pendingHost(4), StateSettings.defaults(), """
            | t    | rc | state | type | att | chg | hard | notify | handler | next | lsc  | lhsc  | log
            | 0    | 0  | UP    | HARD | 1   | no  | no   | no     | no      | 300  | never | never | -
            | 300  | 2  | DOWN  | SOFT | 1   | yes | no   | no     | yes     | 360  | 300  | 0     | HOST ALERT: h;DOWN;SOFT;1;CRIT
            | 360  | 2  | DOWN  | SOFT | 2   | no  | no   | no     | yes     | 420  | 300  | 0     | -
            | 420  | 2  | DOWN  | SOFT | 3   | no  | no   | no     | yes     | 480  | 300  | 0     | -
            | 480  | 2  | DOWN  | HARD | 4   | no  | yes  | yes    | yes     | 780  | 300  | 480   | HOST ALERT: h;DOWN;HARD;4;CRIT
            | 780  | 3  | DOWN  | HARD | 4   | no  | no   | yes    | no      | 1080 | 300  | 480   | -
            | 1080 | 0  | UP    | HARD | 1   | yes | yes  | yes    | yes     | 1380 | 1080 | 1080  | HOST ALERT: h;UP;HARD;1;OK
            | 1380 | 1  | UP    | HARD | 1   | no  | no   | no     | no      | 1680 | 1080 | 1080  | -
            """);
    }

    @Test
    void logHostRetriesLogsEverySoftResult() {
        play(Fixtures.pendingHost(3), StateSettings.defaults().withLogRetries(false, true), """
            | t   | rc | state | type | att | log
            | 0   | 2  | DOWN  | SOFT | 1   | HOST ALERT: h;DOWN;SOFT;1;CRIT
            | 60  | 2  | DOWN  | SOFT | 2   | HOST ALERT: h;DOWN;SOFT;2;CRIT
            | 120 | 2  | DOWN  | HARD | 3   | HOST ALERT: h;DOWN;HARD;3;CRIT
            | 420 | 2  | DOWN  | HARD | 3   | -
            """);
    }

    /**
     * A host's soft recovery is logged as UP SOFT 1 and the host stays UP SOFT until its next result,
     * which comes at the normal interval (a service's comes at the retry interval).
     */
    @Test
    void aSoftRecoveryStaysSoftUntilTheNextResult() {
        play(Fixtures.pendingHost(3), StateSettings.defaults(), """
            | t   | rc | state | type | att | chg | hard | notify | handler | next | log
            | 0   | 2  | DOWN  | SOFT | 1   | yes | no   | no     | yes     | 60   | HOST ALERT: h;DOWN;SOFT;1;CRIT
            | 60  | 0  | UP    | SOFT | 1   | yes | no   | no     | yes     | 360  | HOST ALERT: h;UP;SOFT;1;OK
            | 360 | 0  | UP    | HARD | 1   | no  | no   | no     | no      | 660  | -
            """);
    }

    @Test
    void oneAttemptMakesAHostHardAtOnce() {
        play(Fixtures.pendingHost(1), StateSettings.defaults(), """
            | t   | rc | state | type | att | chg | hard | notify | handler | next | log
            | 0   | 2  | DOWN  | HARD | 1   | yes | yes  | yes    | yes     | 300  | HOST ALERT: h;DOWN;HARD;1;CRIT
            | 300 | 0  | UP    | HARD | 1   | yes | yes  | yes    | yes     | 600  | HOST ALERT: h;UP;HARD;1;OK
            """);
    }

    /**
     * A failed check is UNREACHABLE while every parent is down, DOWN once one is UP; the change between
     * the two is a state change like any other, counted as a retry. A new problem checks the parents that
     * are not UP (4.4 as written; its comment says the opposite).
     */
    @Test
    void unreachableWhenAllParentsAreDown() {
        play(Fixtures.pendingHost(3, "p"), StateSettings.defaults(), """
            | t    | parent | rc | state       | type | att | chg | hard | notify | chk | next | log
            | 0    | UP     | 0  | UP          | HARD | 1   | no  | no   | no     | -   | 300  | -
            | 300  | DOWN   | 2  | UNREACHABLE | SOFT | 1   | yes | no   | no     | p   | 360  | HOST ALERT: h;UNREACHABLE;SOFT;1;CRIT
            | 360  | UP     | 2  | DOWN        | SOFT | 2   | yes | no   | no     | -   | 420  | HOST ALERT: h;DOWN;SOFT;2;CRIT
            | 420  | UP     | 2  | DOWN        | HARD | 3   | no  | yes  | yes    | -   | 720  | HOST ALERT: h;DOWN;HARD;3;CRIT
            | 720  | DOWN   | 2  | UNREACHABLE | HARD | 3   | yes | yes  | yes    | -   | 1020 | HOST ALERT: h;UNREACHABLE;HARD;3;CRIT
            | 1020 | DOWN   | 0  | UP          | HARD | 1   | yes | yes  | yes    | -   | 1320 | HOST ALERT: h;UP;HARD;1;OK
            """);
    }

    /**
     * With passive_host_checks_are_soft off (the default) a passive result that changes the state is
     * HARD at attempt 1; it is taken as sent, without the parents' say. It reschedules the active check
     * only when the state changes.
     */
    @Test
    void passiveHostResultsAreHardByDefault() {
        play(Fixtures.pendingHost(3, "p"), StateSettings.defaults(), """
            | t   | parent | rc | state       | type | att | chg | hard | notify | handler | next | log
            | 0   | DOWN   | P1 | DOWN        | HARD | 1   | yes | yes  | yes    | yes     | 300  | PASSIVE HOST CHECK: h;0;(null) // HOST ALERT: h;DOWN;HARD;1;WARN
            | 30  | DOWN   | P1 | DOWN        | HARD | 1   | no  | no   | yes    | no      | -    | PASSIVE HOST CHECK: h;1;WARN
            | 60  | DOWN   | P2 | UNREACHABLE | HARD | 1   | yes | yes  | yes    | yes     | 360  | PASSIVE HOST CHECK: h;1;WARN // HOST ALERT: h;UNREACHABLE;HARD;1;CRIT
            | 90  | DOWN   | P0 | UP          | HARD | 1   | yes | yes  | yes    | yes     | 390  | PASSIVE HOST CHECK: h;2;CRIT // HOST ALERT: h;UP;HARD;1;OK
            """);
    }

    /**
     * With passive_host_checks_are_soft a passive problem counts attempts like an active one, but it is
     * not rechecked at the retry interval; translate_passive_host_checks applies the parents' say.
     */
    @Test
    void passiveHostResultsCanBeSoftAndTranslated() {
        StateSettings settings = StateSettings.defaults().withLogRetries(false,
                false).withPassiveHostChecks(true, true);
        play(Fixtures.pendingHost(3, "p"), settings, """
            | t   | parent | rc | state       | type | att | chg | hard | notify | handler | next
            | 0   | DOWN   | P1 | UNREACHABLE | SOFT | 1   | yes | no   | no     | yes     | 60
            | 30  | DOWN   | P1 | UNREACHABLE | SOFT | 2   | no  | no   | no     | yes     | -
            | 40  | DOWN   | P1 | UNREACHABLE | HARD | 3   | no  | yes  | yes    | yes     | 340
            | 50  | UP     | P1 | DOWN        | HARD | 3   | yes | yes  | yes    | yes     | 350
            """);
    }
}
