package org.vigil.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions taken while one result is judged: Nagios keeps them in local flags of its handler, and
 * they only become {@link Effects} at the end.
 */
final class ResultPass<S extends Enum<S> & NagiosState> {

    final Instant now;
    S newLastHardState;
    /** The plugin output before this result, for {@code stalking_options}. */
    String oldOutput;
    Instant nextCheck;
    boolean stateChange;
    boolean hardStateChange;
    boolean notify;
    boolean handleEvent;
    boolean logEvent;
    boolean hostNotification;
    /** The host's state was taken from its last check instead of checking it again. */
    boolean cachedHostState;
    final List<String> logLines = new ArrayList<>();
    final Set<String> hostChecks = new LinkedHashSet<>();
    /** What waits until the notification and the event handler have seen the result ({@link Effects#settle}). */
    Runnable settle;
    private Effects.Alert alert;
    private Optional<Instant> scheduled = Optional.empty();

    ResultPass(Instant now, S lastHardState) {
        this.now = now;
        this.newLastHardState = lastHardState;
    }

    /** Remembers the state the log, notification and handler see, before any later reset. */
    void freezeAlert(CheckableStatus<S> status) {
        alert = new Effects.Alert(status.currentState(), status.stateType(), status.currentAttempt());
    }

    void schedule(Instant at) {
        scheduled = Optional.of(at);
    }

    Effects effects(boolean resetNotificationNumber) {
        return new Effects(true, logLines, stateChange, hardStateChange, notify, handleEvent, alert, scheduled,
                List.copyOf(hostChecks), hostNotification, resetNotificationNumber, settle, cachedHostState);
    }
}
