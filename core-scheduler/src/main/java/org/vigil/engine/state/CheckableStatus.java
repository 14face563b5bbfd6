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
    private boolean notificationsEnabled = true;
    private AcknowledgementType acknowledgementType = AcknowledgementType.NONE;
    /** Nagios keeps this flag apart from the type: removing an acknowledgement clears only the flag. */
    private boolean problemHasBeenAcknowledged;
    private int scheduledDowntimeDepth;
    private boolean isFlapping;
    private Instant lastNotification = Instant.EPOCH;
    private Instant nextNotification = Instant.EPOCH;
    private boolean noMoreNotifications;
    private int currentNotificationNumber;
    private final Options stalking;
    // flap detection (org.vigil.engine.flap)
    private boolean flapDetectionEnabled = true;
    private double percentStateChange;

    /** As Nagios creates an object: in the initial state, HARD, at the last attempt if that is a problem. */
    protected CheckableStatus(S initialState, CheckSettings check, Options stalking) {
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
        }
    }

    /** Clears the notification times a state change invalidates. */
    void resetNotificationTimes() {
        lastNotification = Instant.EPOCH;
        nextNotification = Instant.EPOCH;
        noMoreNotifications = false;
    }

    public S initialState() { return initialState; }
    public S currentState() { return currentState; }
    public void setCurrentState(S s) { currentState = s; }
    public S lastState() { return lastState; }
    public void setLastState(S s) { lastState = s; }
    public S lastHardState() { return lastHardState; }
    public void setLastHardState(S s) { lastHardState = s; }
    public StateType stateType() { return stateType; }
    public void setStateType(StateType t) { stateType = t; }
    public int currentAttempt() { return currentAttempt; }
    public void setCurrentAttempt(int a) { currentAttempt = a; }
    public int maxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int a) { maxAttempts = a; }
    public boolean hasBeenChecked() { return hasBeenChecked; }
    public void setHasBeenChecked(boolean b) { hasBeenChecked = b; }
    public boolean shouldBeScheduled() { return shouldBeScheduled; }
    public void setShouldBeScheduled(boolean b) { shouldBeScheduled = b; }
    public String pluginOutput() { return pluginOutput; }
    public void setPluginOutput(String s) { pluginOutput = s; }
    public String longPluginOutput() { return longPluginOutput; }
    public void setLongPluginOutput(String s) { longPluginOutput = s; }
    public String perfData() { return perfData; }
    public void setPerfData(String s) { perfData = s; }
    public Instant lastCheck() { return lastCheck; }
    public void setLastCheck(Instant t) { lastCheck = t; }
    public Instant nextCheck() { return nextCheck; }
    public void setNextCheck(Instant t) { nextCheck = t; }
    public CheckType checkType() { return checkType; }
    public void setCheckType(CheckType t) { checkType = t; }
    public Instant lastStateChange() { return lastStateChange; }
    public void setLastStateChange(Instant t) { lastStateChange = t; }
    public Instant lastHardStateChange() { return lastHardStateChange; }
    public void setLastHardStateChange(Instant t) { lastHardStateChange = t; }
    public double latency() { return latency; }
    public double executionTime() { return executionTime; }
    public long currentEventId() { return currentEventId; }
    public void setCurrentEventId(long id) { currentEventId = id; }
    public long lastEventId() { return lastEventId; }
    public void setLastEventId(long id) { lastEventId = id; }
    public long currentProblemId() { return currentProblemId; }
    public void setCurrentProblemId(long id) { currentProblemId = id; }
    public long lastProblemId() { return lastProblemId; }
    public void setLastProblemId(long id) { lastProblemId = id; }
    public double checkInterval() { return checkInterval; }
    public void setCheckInterval(double i) { checkInterval = i; }
    public double retryInterval() { return retryInterval; }
    public void setRetryInterval(double i) { retryInterval = i; }
    public boolean activeChecksEnabled() { return activeChecksEnabled; }
    public void setActiveChecksEnabled(boolean b) { activeChecksEnabled = b; }
    public boolean passiveChecksEnabled() { return passiveChecksEnabled; }
    public void setPassiveChecksEnabled(boolean b) { passiveChecksEnabled = b; }
    public boolean eventHandlerEnabled() { return eventHandlerEnabled; }
    public void setEventHandlerEnabled(boolean b) { eventHandlerEnabled = b; }
    public boolean notificationsEnabled() { return notificationsEnabled; }
    public void setNotificationsEnabled(boolean b) { notificationsEnabled = b; }
    public boolean problemHasBeenAcknowledged() { return problemHasBeenAcknowledged; }
    /** Clears or sets the flag alone, as Nagios's {@code remove_*_acknowledgement} and its retention do. */
    public void setProblemHasBeenAcknowledged(boolean b) { problemHasBeenAcknowledged = b; }
    public AcknowledgementType acknowledgementType() { return acknowledgementType; }
    /** Sets the type, and the flag with it ({@code NONE} clears it, any other sets it). */
    public void setAcknowledgementType(AcknowledgementType t) {
        acknowledgementType = t;
        problemHasBeenAcknowledged = t != AcknowledgementType.NONE;
    }
    public int scheduledDowntimeDepth() { return scheduledDowntimeDepth; }
    public void setScheduledDowntimeDepth(int d) { scheduledDowntimeDepth = d; }
    public boolean isFlapping() { return isFlapping; }
    public void setFlapping(boolean b) { isFlapping = b; }
    public Instant lastNotification() { return lastNotification; }
    public void setLastNotification(Instant t) { lastNotification = t; }
    public Instant nextNotification() { return nextNotification; }
    public void setNextNotification(Instant t) { nextNotification = t; }
    public boolean noMoreNotifications() { return noMoreNotifications; }
    public void setNoMoreNotifications(boolean b) { noMoreNotifications = b; }
    public int currentNotificationNumber() { return currentNotificationNumber; }
    public void setCurrentNotificationNumber(int n) { currentNotificationNumber = n; }
    public Options stalking() { return stalking; }
    // flap detection (org.vigil.engine.flap)
    public boolean flapDetectionEnabled() { return flapDetectionEnabled; }
    public void setFlapDetectionEnabled(boolean b) { flapDetectionEnabled = b; }
    public double percentStateChange() { return percentStateChange; }
    public void setPercentStateChange(double p) { percentStateChange = p; }
}
