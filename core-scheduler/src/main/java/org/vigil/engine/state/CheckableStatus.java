package org.vigil.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Options;

/**
 * The runtime status a host and a service share, with Nagios's field names; mutable and owned by the
 * engine thread. {@link Instant#EPOCH} stands where Nagios keeps a zero {@code time_t}: "never".
 */
public abstract class CheckableStatus<S extends Enum<S> & NagiosState> implements Cloneable {

    private final S initialState;
    private S currentState;
    private S lastState;
    private S lastHardState;
    private StateType stateType = StateType.HARD;
    private int currentAttempt;
    private int maxAttempts;
    private boolean hasBeenChecked;
    private boolean shouldBeScheduled = true;
    private String pluginOutput;
    private String longPluginOutput;
    private String perfData;
    private Instant lastCheck = Instant.EPOCH;
    private Instant nextCheck = Instant.EPOCH;
    private CheckType checkType = CheckType.ACTIVE;
    private Instant lastStateChange = Instant.EPOCH;
    private Instant lastHardStateChange = Instant.EPOCH;
    private double latency;
    private double executionTime;
    private long currentEventId;
    private long lastEventId;
    private long currentProblemId;
    private long lastProblemId;
    private double checkInterval;
    private double retryInterval;
    private boolean activeChecksEnabled;
    private boolean passiveChecksEnabled;
    private boolean eventHandlerEnabled;
    private boolean processPerformanceData;
    private boolean obsess;
    /** Whether a command changed {@code obsess}: only then is it retained (Nagios's modified attribute). */
    private boolean obsessModified;
    private boolean notificationsEnabled = true;
    private AcknowledgementType acknowledgementType = AcknowledgementType.NONE;
    /** Nagios keeps this flag apart from the type: removing an acknowledgement clears only the flag. */
    private boolean problemHasBeenAcknowledged;
    /** When the acknowledgement ends by itself (Icinga 1's and Naemon's {@code _EXPIRE} commands); epoch: never. */
    private Instant acknowledgementEndTime = Instant.EPOCH;
    private int scheduledDowntimeDepth;
    private boolean isFlapping;
    private Instant lastNotification = Instant.EPOCH;
    private Instant nextNotification = Instant.EPOCH;
    private boolean noMoreNotifications;
    private int currentNotificationNumber;
    private long currentNotificationId;
    private final Options stalking;
    // flap detection (org.vigil.engine.flap)
    private boolean flapDetectionEnabled = true;
    private double percentStateChange;
    /** Counts every change of a field, so a reader can tell which statuses changed since it last looked. */
    private long changes;
    /** The definition's check command, check period and event handler, which status.dat shows (never changed). */
    private final CheckSettings check;
    private final String notificationPeriod;
    private final int importance;

    /** As Nagios creates an object: in the initial state, HARD, at the last attempt if that is a problem. */
    protected CheckableStatus(S initialState, CheckSettings check, Options stalking, String notificationPeriod,
                              int importance) {
        this.check = check;
        this.notificationPeriod = notificationPeriod;
        this.importance = importance;
        this.initialState = initialState;
        this.currentState = initialState;
        this.lastState = initialState;
        this.lastHardState = initialState;
        this.maxAttempts = check.maxCheckAttempts();
        this.currentAttempt = initialState.isOk() ? 1 : maxAttempts;
        this.checkInterval = check.checkInterval();
        this.retryInterval = check.retryInterval();
        this.activeChecksEnabled = check.activeChecksEnabled();
        this.passiveChecksEnabled = check.passiveChecksEnabled();
        this.eventHandlerEnabled = check.eventHandlerEnabled();
        this.processPerformanceData = check.processPerfData();
        this.obsess = check.obsess();
        this.stalking = stalking;
    }

    /**
     * A copy of every field, for a subclass's {@code snapshot()}: status.dat is rendered from copies taken on the
     * engine thread, off it. Every field here holds an immutable value; a subclass copies its own mutable ones.
     */
    @SuppressWarnings("unchecked")
    protected final <T extends CheckableStatus<S>> T copyOfFields() {
        try {
            return (T) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("CheckableStatus is Cloneable", e);
        }
    }

    /**
     * How many times a field of this status has changed: a reader that copied it at count {@code n} (the read model
     * of the pages and APIs) copies it again only once this differs. Engine thread only, as every setter.
     */
    public long changeCount() {
        return changes;
    }

    /** {@code check_command} as defined, with its {@code !} arguments; null without one. */
    public String checkCommand() {
        return check.checkCommand();
    }

    /** {@code check_period}; null without one (always in the period). */
    public String checkPeriod() {
        return check.checkPeriod();
    }

    /** {@code notification_period}; null without one. */
    public String notificationPeriod() {
        return notificationPeriod;
    }

    /** {@code importance} as defined (Nagios's {@code hourly_value}). */
    public int importance() {
        return importance;
    }

    /** {@code event_handler} as defined; null without one. */
    public String eventHandler() {
        return check.eventHandler();
    }

    /** Counts a change; every setter calls it, a subclass's included. */
    protected final void changed() {
        changes++;
    }

    /** The state to display: {@code PENDING} until the first result, then the current state. */
    public String displayState() {
        return hasBeenChecked ? currentState.name() : "PENDING";
    }

    /** Takes the output, timing and check time of {@code outcome}, as Nagios does before judging it. */
    void recordResult(CheckOutcome outcome, String noOutputText) {
        String output = outcome.output() == null ? "" : outcome.output().strip();
        // semicolons separate fields in log lines and the status file, so Nagios turns them into colons
        pluginOutput = output.isEmpty() ? noOutputText : output.replace(';', ':');
        longPluginOutput = outcome.longOutput();
        perfData = outcome.perfData();
        latency = outcome.latency();
        long millis = Duration.between(outcome.start(), outcome.finish()).toMillis();
        executionTime = Math.max(0, millis / 1000.0);
        lastCheck = outcome.start().truncatedTo(ChronoUnit.SECONDS);
        shouldBeScheduled = outcome.rescheduleCheck();
        changed();
    }

    /** Whether {@code stalking_options} asks to log every change of output in the current state. */
    boolean stalksCurrentState() {
        return stalking.has(currentState.letter());
    }

    /** Ends an acknowledgement as Nagios does on a state change: a normal one on any, a sticky one on recovery. */
    void resetAcknowledgement(boolean stateChange, boolean hardStateChange) {
        if ((acknowledgementType == AcknowledgementType.NORMAL && (stateChange || !hardStateChange))
                || (acknowledgementType == AcknowledgementType.STICKY && currentState.isOk())) {
            acknowledgementType = AcknowledgementType.NONE;
            problemHasBeenAcknowledged = false;
            acknowledgementEndTime = Instant.EPOCH;
            changed();
        }
    }

    /** Clears the notification times a state change invalidates. */
    void resetNotificationTimes() {
        lastNotification = Instant.EPOCH;
        nextNotification = Instant.EPOCH;
        noMoreNotifications = false;
        changed();
    }

    public S initialState() { return initialState; }
    public S currentState() { return currentState; }
    public void setCurrentState(S s) { currentState = s; changed(); }
    public S lastState() { return lastState; }
    public void setLastState(S s) { lastState = s; changed(); }
    public S lastHardState() { return lastHardState; }
    public void setLastHardState(S s) { lastHardState = s; changed(); }
    public StateType stateType() { return stateType; }
    public void setStateType(StateType t) { stateType = t; changed(); }
    public int currentAttempt() { return currentAttempt; }
    public void setCurrentAttempt(int a) { currentAttempt = a; changed(); }
    public int maxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int a) { maxAttempts = a; changed(); }
    public boolean hasBeenChecked() { return hasBeenChecked; }
    public void setHasBeenChecked(boolean b) { hasBeenChecked = b; changed(); }
    public boolean shouldBeScheduled() { return shouldBeScheduled; }
    public void setShouldBeScheduled(boolean b) { shouldBeScheduled = b; changed(); }
    public String pluginOutput() { return pluginOutput; }
    public void setPluginOutput(String s) { pluginOutput = s; changed(); }
    public String longPluginOutput() { return longPluginOutput; }
    public void setLongPluginOutput(String s) { longPluginOutput = s; changed(); }
    public String perfData() { return perfData; }
    public void setPerfData(String s) { perfData = s; changed(); }
    public Instant lastCheck() { return lastCheck; }
    public void setLastCheck(Instant t) { lastCheck = t; changed(); }
    public Instant nextCheck() { return nextCheck; }
    public void setNextCheck(Instant t) { nextCheck = t; changed(); }
    public CheckType checkType() { return checkType; }
    public void setCheckType(CheckType t) { checkType = t; changed(); }
    public Instant lastStateChange() { return lastStateChange; }
    public void setLastStateChange(Instant t) { lastStateChange = t; changed(); }
    public Instant lastHardStateChange() { return lastHardStateChange; }
    public void setLastHardStateChange(Instant t) { lastHardStateChange = t; changed(); }
    public double latency() { return latency; }
    public double executionTime() { return executionTime; }
    public long currentEventId() { return currentEventId; }
    public void setCurrentEventId(long id) { currentEventId = id; changed(); }
    public long lastEventId() { return lastEventId; }
    public void setLastEventId(long id) { lastEventId = id; changed(); }
    public long currentProblemId() { return currentProblemId; }
    public void setCurrentProblemId(long id) { currentProblemId = id; changed(); }
    public long lastProblemId() { return lastProblemId; }
    public void setLastProblemId(long id) { lastProblemId = id; changed(); }
    public double checkInterval() { return checkInterval; }
    public void setCheckInterval(double i) { checkInterval = i; changed(); }
    public double retryInterval() { return retryInterval; }
    public void setRetryInterval(double i) { retryInterval = i; changed(); }
    public boolean activeChecksEnabled() { return activeChecksEnabled; }
    public void setActiveChecksEnabled(boolean b) { activeChecksEnabled = b; changed(); }
    public boolean passiveChecksEnabled() { return passiveChecksEnabled; }
    public void setPassiveChecksEnabled(boolean b) { passiveChecksEnabled = b; changed(); }
    public boolean eventHandlerEnabled() { return eventHandlerEnabled; }
    public void setEventHandlerEnabled(boolean b) { eventHandlerEnabled = b; changed(); }
    /** {@code process_perf_data}: whether this object's results reach the perfdata file and command. */
    public boolean processPerformanceData() { return processPerformanceData; }
    /** {@code obsess}: whether the OCSP/OCHP command runs after this object's results. */
    public boolean obsess() { return obsess; }
    /** {@code START_OBSESSING_OVER_SVC}... or the retained value: from now on retained. */
    public void setObsess(boolean b) { obsess = b; obsessModified = true; changed(); }
    public boolean obsessModified() { return obsessModified; }
    public boolean notificationsEnabled() { return notificationsEnabled; }
    public void setNotificationsEnabled(boolean b) { notificationsEnabled = b; changed(); }
    public boolean problemHasBeenAcknowledged() { return problemHasBeenAcknowledged; }
    /** Clears or sets the flag alone, as Nagios's {@code remove_*_acknowledgement} and its retention do. */
    public void setProblemHasBeenAcknowledged(boolean b) { problemHasBeenAcknowledged = b; changed(); }
    public AcknowledgementType acknowledgementType() { return acknowledgementType; }
    /** Sets the type, and the flag with it ({@code NONE} clears it, any other sets it). */
    public void setAcknowledgementType(AcknowledgementType t) {
        acknowledgementType = t;
        problemHasBeenAcknowledged = t != AcknowledgementType.NONE;
        changed();
    }
    /** When the acknowledgement expires; the epoch when it does not (Naemon's {@code acknowledgement_end_time}). */
    public Instant acknowledgementEndTime() { return acknowledgementEndTime; }
    public void setAcknowledgementEndTime(Instant t) { acknowledgementEndTime = t; changed(); }
    public int scheduledDowntimeDepth() { return scheduledDowntimeDepth; }
    public void setScheduledDowntimeDepth(int d) { scheduledDowntimeDepth = d; changed(); }
    public boolean isFlapping() { return isFlapping; }
    public void setFlapping(boolean b) { isFlapping = b; changed(); }
    public Instant lastNotification() { return lastNotification; }
    public void setLastNotification(Instant t) { lastNotification = t; changed(); }
    public Instant nextNotification() { return nextNotification; }
    public void setNextNotification(Instant t) { nextNotification = t; changed(); }
    public boolean noMoreNotifications() { return noMoreNotifications; }
    public void setNoMoreNotifications(boolean b) { noMoreNotifications = b; changed(); }
    public int currentNotificationNumber() { return currentNotificationNumber; }
    public void setCurrentNotificationNumber(int n) { currentNotificationNumber = n; changed(); }
    /** The id of the last notification about this object ({@link EventIds#takeNotificationId}); 0 before one. */
    public long currentNotificationId() { return currentNotificationId; }
    public void setCurrentNotificationId(long id) { currentNotificationId = id; changed(); }
    public Options stalking() { return stalking; }
    // flap detection (org.vigil.engine.flap)
    public boolean flapDetectionEnabled() { return flapDetectionEnabled; }
    public void setFlapDetectionEnabled(boolean b) { flapDetectionEnabled = b; changed(); }
    public double percentStateChange() { return percentStateChange; }
    public void setPercentStateChange(double p) { percentStateChange = p; changed(); }
}
