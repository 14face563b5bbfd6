package org.vigil.engine.state;

/**
 * The first judgement of a result, by the previous state, the new one and the current state type: the
 * table at the heart of Nagios's {@code handle_async_*_check_result}. Attempt counting and the hard
 * state change test come after it (see the handlers); services and hosts each bend two rows.
 */
enum Transition {
    //             sets type        resets attempt  handler  notify  hard   retry interval
    STILL_OK(StateType.HARD, true, false, false, false, false),
    NEW_PROBLEM(StateType.SOFT, true, true, false, false, false),
    HARD_RECOVERY(null, true, true, true, true, false),
    SOFT_RECOVERY(null, false, true, false, false, false),
    SOFT_PROBLEM(null, false, true, false, false, true),
    HARD_PROBLEM(null, false, false, true, false, false);

    /** The state type this row sets, or null to keep the current one. */
    final StateType setsType;
    final boolean resetsAttempt;
    final boolean handleEvent;
    final boolean notify;
    final boolean hardStateChange;
    final boolean useRetryInterval;

    Transition(StateType setsType, boolean resetsAttempt, boolean handleEvent, boolean notify,
               boolean hardStateChange, boolean useRetryInterval) {
        this.setsType = setsType;
        this.resetsAttempt = resetsAttempt;
        this.handleEvent = handleEvent;
        this.notify = notify;
        this.hardStateChange = hardStateChange;
        this.useRetryInterval = useRetryInterval;
    }

    static Transition of(boolean wasOk, boolean isOk, StateType type) {
        if (wasOk) {
            return isOk ? STILL_OK : NEW_PROBLEM;
        }
        if (isOk) {
            return type == StateType.HARD ? HARD_RECOVERY : SOFT_RECOVERY;
        }
        return type == StateType.SOFT ? SOFT_PROBLEM : HARD_PROBLEM;
    }

    /** Applies the row's state type, attempt and flags to {@code status} and {@code pass}. */
    <S extends Enum<S> & NagiosState> void applyTo(CheckableStatus<S> status, ResultPass<S> pass) {
        if (setsType != null) {
            status.setStateType(setsType);
        }
        if (resetsAttempt) {
            status.setCurrentAttempt(1);
        }
        pass.handleEvent |= handleEvent;
        pass.notify |= notify;
        pass.hardStateChange |= hardStateChange;
    }
}
