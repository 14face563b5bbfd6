package org.vigil.perfdata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.engine.EngineListener;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;

/**
 * Hears each accepted result on the engine thread and offers a {@link ResultSample} of it to every writer: a copy
 * of a dozen fields and a queue offer that never waits. An object with {@code process_perf_data 0} sends nothing,
 * as an Icinga 2 object with {@code enable_perfdata} off; a result no writer wants (the store alone and no
 * perfdata) is not copied at all. Parsing the perfdata and formatting are the writers' work.
 * One per engine (a reload brings a new config, so new check commands); the writers outlive it.
 */
final class SampleListener implements EngineListener {

    /** The name used when an object has no check command (a host checked only passively). */
    static final String NO_COMMAND = "none";

    private final ObjectModel model;
    private final List<? extends SampleSink> writers;
    /** Check command names by target, looked up once (engine thread only). */
    private final Map<CheckTarget, String> commands = new HashMap<>();

    SampleListener(ObjectModel model, List<? extends SampleSink> writers) {
        this.model = model;
        this.writers = writers;
    }

    @Override
    public void resultApplied(CheckTarget target, CheckableStatus<?> status, Effects effects) {
        if (!status.processPerformanceData()) {
            return;
        }
        ResultSample sample = null;
        for (SampleSink w : writers) {
            if (w.wants(status.perfData())) { // a result without perfdata: nothing built for the store alone
                if (sample == null) {
                    sample = sample(target, status);
                }
                w.offer(sample);
            }
        }
    }

    ResultSample sample(CheckTarget target, CheckableStatus<?> status) {
        long time = status.lastCheck() == null ? System.currentTimeMillis() / 1000
                : status.lastCheck().getEpochSecond();
        return new ResultSample(target.hostName(), target.isHost() ? null : target.service().description(),
                commands.computeIfAbsent(target, this::command), status.currentState().code(),
                status.stateType().code(), status.currentAttempt(), status.maxAttempts(),
                status.scheduledDowntimeDepth(), acknowledgement(status.acknowledgementType()), status.latency(),
                status.executionTime(), time, status.perfData());
    }

    private String command(CheckTarget target) {
        CheckSettings check;
        if (target.isHost()) {
            Host h = model.hosts().get(target.hostName());
            check = h == null ? null : h.check();
        } else {
            Service s = model.services().get(target.service());
            check = s == null ? null : s.check();
        }
        String line = check == null ? null : check.checkCommand();
        if (line == null || line.isBlank()) {
            return NO_COMMAND;
        }
        int bang = line.indexOf('!');
        return (bang < 0 ? line : line.substring(0, bang)).strip();
    }

    private static int acknowledgement(AcknowledgementType type) {
        return type == null ? 0 : type.ordinal(); // NONE 0, NORMAL 1, STICKY 2: Icinga 2's numbers
    }
}
