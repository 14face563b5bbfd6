package org.vigil.engine.flap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vigil.config.model.FlapSettings;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.StateType;

/**
 * Nagios 4.4's flap detection ({@code base/flapping.c}): records states in each object's 21-entry history,
 * computes the weighted percent state change, and starts or stops flapping against the low and high
 * thresholds, adding and deleting the flapping comment. Returns what happened as {@link FlapEvent}s for the
 * engine to log and to tell its listeners. Engine thread only.
 */
public final class FlapDetection {

    private final FlapConfig config;
    private final int intervalLength;
    private final FlapComments comments;
    private final Map<String, ObjectFlap> objects = new HashMap<>();
    private boolean enabled;

    public FlapDetection(FlapConfig config, int intervalLength, FlapComments comments) {
        this.config = config;
        this.intervalLength = intervalLength;
        this.comments = comments;
        this.enabled = config.enabled();
    }

    /** Adds service {@code t}, whose config says {@code settings}. */
    public void registerService(CheckTarget t, CheckableStatus<?> st, FlapSettings settings) {
        objects.put(t.id(), new ObjectFlap(settings, 0));
        st.setFlapDetectionEnabled(settings.enabled());
    }

    /**
     * Adds host {@code t}. A service result records the host's state too, but only once
     * {@code total_service_check_interval * interval_length / total_services} seconds have passed since the
     * last record ({@code notification_interval * interval_length} for a host without services); Nagios 4.4.6
     * no longer adds up {@code total_service_check_interval}, so callers pass 0 there, as it is in Nagios.
     */
    public void registerHost(CheckTarget t, CheckableStatus<?> st, FlapSettings settings, int services,
                             double serviceCheckIntervals, double notificationInterval) {
        long wait = services == 0 ? (long) (notificationInterval * intervalLength)
                : (long) (serviceCheckIntervals * intervalLength) / services;
        objects.put(t.id(), new ObjectFlap(settings, wait));
        st.setFlapDetectionEnabled(settings.enabled());
    }

    /** Whether flap detection is on at all ({@code enable_flap_detection}). */
    public boolean enabled() {
        return enabled;
    }

    /** After a service result: the service's check, then its host's (a check of the host it is not). */
    public List<FlapEvent> afterServiceResult(CheckTarget service, CheckableStatus<?> st, CheckTarget host,
                                              CheckableStatus<?> hostStatus, Instant now) {
        List<FlapEvent> events = new ArrayList<>();
        check(service, st, true, false, true, now, events);
        check(host, hostStatus, true, false, true, now, events);
        return events;
    }

    /** After a host result. */
    public List<FlapEvent> afterHostResult(CheckTarget host, CheckableStatus<?> st, Instant now) {
        List<FlapEvent> events = new ArrayList<>();
        check(host, st, true, true, true, now, events);
        return events;
    }

    /**
     * After retained state was read, as Nagios 4.4.6 does (observed): the retained {@code is_flapping} only
     * says the object was flapping; it starts out not flapping, without its old comment, and is checked
     * against its retained history (nothing is recorded). One still flapping logs STARTED again and gets a new
     * comment, but no FLAPPINGSTART notification; one no longer flapping is silent.
     */
    public List<FlapEvent> afterRestore(CheckTarget t, CheckableStatus<?> st, Instant now) {
        List<FlapEvent> events = new ArrayList<>();
        boolean wasFlapping = st.isFlapping();
        st.setFlapping(false);
        check(t, st, false, false, !wasFlapping, now, events);
        return events;
    }

    /**
     * {@code ENABLE_FLAP_DETECTION}/{@code DISABLE_FLAP_DETECTION}: nothing when unchanged; enabling checks every
     * object (hosts first) against its history, disabling ends every flapping object's flapping.
     */
    public List<FlapEvent> setEnabled(boolean on, Collection<CheckTarget> targets,
                                      Function<CheckTarget, CheckableStatus<?>> status, Instant now) {
        List<FlapEvent> events = new ArrayList<>();
        if (enabled == on) {
            return events;
        }
        enabled = on;
        List<CheckTarget> ordered = new ArrayList<>(targets.stream().filter(CheckTarget::isHost).toList());
        ordered.addAll(targets.stream().filter(t -> !t.isHost()).toList());
        for (CheckTarget t : ordered) {
            if (on) {
                check(t, status.apply(t), false, false, true, now, events);
            } else {
                disabled(t, status.apply(t), events);
            }
        }
        return events;
    }

    /** {@code ENABLE_HOST_FLAP_DETECTION}, {@code DISABLE_SVC_FLAP_DETECTION}...: as the global switch, for one object. */
    public List<FlapEvent> setEnabled(CheckTarget t, CheckableStatus<?> st, boolean on, Instant now) {
        List<FlapEvent> events = new ArrayList<>();
        if (st.flapDetectionEnabled() == on) {
            return events;
        }
        st.setFlapDetectionEnabled(on);
        if (on) {
            check(t, st, false, false, true, now, events);
        } else {
            disabled(t, st, events);
        }
        return events;
    }

    /** Nagios's {@code check_for_service_flapping}/{@code check_for_host_flapping}. */
    private void check(CheckTarget t, CheckableStatus<?> st, boolean update, boolean actualCheck, boolean notify,
                       Instant now, List<FlapEvent> events) {
        ObjectFlap o = objects.get(t.id());
        if (o == null) {
            return;
        }
        // only hard states and soft recoveries of a service count
        if (!t.isHost() && st.stateType() == StateType.SOFT && !st.currentState().isOk()) {
            return;
        }
        boolean record = update && o.settings.options().has(st.currentState().letter());
        if (record && t.isHost() && !actualCheck) {
            long elapsed = now.getEpochSecond() - o.lastHistoryUpdate.getEpochSecond();
            if (elapsed >= 0 && elapsed < o.waitSeconds) {
                record = false;
            }
        }
        if (record) {
            if (t.isHost()) {
                o.lastHistoryUpdate = now;
            }
            o.history.record(st.currentState().code());
        }
        double percent = o.history.percentStateChange();
        st.setPercentStateChange(percent);
        // the percent is kept up to date whether or not detection is on; only the decision depends on it
        if (!enabled || !st.flapDetectionEnabled()) {
            return;
        }
        double low = o.settings.lowThreshold() > 0 ? o.settings.lowThreshold()
                : t.isHost() ? config.lowHostThreshold() : config.lowServiceThreshold();
        double high = o.settings.highThreshold() > 0 ? o.settings.highThreshold()
                : t.isHost() ? config.highHostThreshold() : config.highServiceThreshold();
        if (percent > low && percent < high) {
            return;
        }
        boolean flapping = !(percent <= low) && percent >= high;
        if (flapping && !st.isFlapping()) {
            String line = FlapTexts.started(t, percent, high);
            o.commentId = comments.add(t, FlapTexts.comment(t, percent, high), now);
            st.setFlapping(true);
            events.add(new FlapEvent(FlapEvent.Kind.STARTED, t, percent, high, line, notify));
        } else if (!flapping && st.isFlapping()) {
            String line = FlapTexts.stopped(t, percent, low);
            deleteComment(o);
            st.setFlapping(false);
            events.add(new FlapEvent(FlapEvent.Kind.STOPPED, t, percent, low, line, true));
        }
    }

    /** Nagios's {@code handle_service_flap_detection_disabled}/{@code handle_host_flap_detection_disabled}. */
    private void disabled(CheckTarget t, CheckableStatus<?> st, List<FlapEvent> events) {
        if (!st.isFlapping()) {
            return;
        }
        st.setFlapping(false);
        ObjectFlap o = objects.get(t.id());
        if (o != null) {
            deleteComment(o);
        }
        events.add(new FlapEvent(FlapEvent.Kind.DISABLED, t, st.percentStateChange(), 0, FlapTexts.disabled(t),
                true));
    }

    private void deleteComment(ObjectFlap o) {
        if (o.commentId != 0) {
            comments.delete(o.commentId);
        }
        o.commentId = 0;
    }

    // -------------------------------------------------------------------------------------------------------
    // Retention: the attributes Nagios's retention.dat keeps for flap detection.
    // -------------------------------------------------------------------------------------------------------

    /** The flap attributes of {@code t} to retain ({@code is_flapping} is retained with the status). */
    public Map<String, String> attributes(CheckTarget t, CheckableStatus<?> st) {
        Map<String, String> m = new HashMap<>(8);
        ObjectFlap o = objects.get(t.id());
        if (o == null) {
            return m;
        }
        m.put("state_history", o.history.encode());
        m.put("last_state_history_update", Long.toString(o.lastHistoryUpdate.getEpochSecond()));
        m.put("flapping_comment_id", Long.toString(o.commentId));
        m.put("percent_state_change", Double.toString(st.percentStateChange()));
        m.put("flap_detection_enabled", st.flapDetectionEnabled() ? "1" : "0");
        return m;
    }

    /** Restores what {@link #attributes} kept; missing or damaged values leave the defaults. */
    public void restore(CheckTarget t, CheckableStatus<?> st, Map<String, String> m) {
        ObjectFlap o = objects.get(t.id());
        if (o == null) {
            return;
        }
        StateHistory.decode(m.get("state_history")).ifPresent(h -> o.history = h);
        o.lastHistoryUpdate = Instant.ofEpochSecond(number(m.get("last_state_history_update"), 0));
        // the retained flapping comment is not kept: the engine drops it, and afterRestore adds a new one
        o.commentId = 0;
        try {
            String p = m.get("percent_state_change");
            if (p != null) {
                st.setPercentStateChange(Double.parseDouble(p));
            }
        } catch (NumberFormatException e) {
            // keep 0
        }
        String flag = m.get("flap_detection_enabled");
        if ("0".equals(flag) || "1".equals(flag)) {
            st.setFlapDetectionEnabled("1".equals(flag));
        }
    }

    /** Restores the global switch as retained, when it was. */
    public void restoreEnabled(String flag) {
        if ("0".equals(flag) || "1".equals(flag)) {
            enabled = "1".equals(flag);
        }
    }

    /** The id of the flapping comment of {@code t}, 0 when there is none; for tests and tools. */
    public long commentId(CheckTarget t) {
        ObjectFlap o = objects.get(t.id());
        return o == null ? 0 : o.commentId;
    }

    /** The history of {@code t}, oldest first; for tests and tools. */
    public int[] history(CheckTarget t) {
        return objects.get(t.id()).history.oldestFirst();
    }

    private static long number(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
