package org.vigil.worker.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.Begun;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.SubjectRunner;

/**
 * One engine's runner: a check its router gives a queue goes to gearmand (unless the local fallback is on), any
 * other runs here through the local runner. Sending never blocks: the result comes on the returned stage. The
 * {@code NAGIOS_*} environment is not sent, as mod_gearman's job has no place for it.
 */
final class DispatchRunner implements SubjectRunner {

    private final QueueRouter router;
    private final PluginRunner local;
    private final GearmanDispatch dispatch;

    DispatchRunner(QueueRouter router, PluginRunner local, GearmanDispatch dispatch) {
        this.router = router;
        this.local = local;
        this.dispatch = dispatch;
    }

    @Override
    public Begun<PluginResult> begin(CheckSubject subject, CommandLine line, Map<String, String> environment,
            Duration timeout) {
        Optional<String> queue = router.queueFor(subject);
        if (queue.isEmpty() || dispatch.runningLocally()) {
            dispatch.ranLocally();
            return local.begin(line, environment, timeout);
        }
        return new Begun.Started<>(dispatch.send(subject, queue.get(), line.line(), timeout));
    }
}
