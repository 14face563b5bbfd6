package org.vigil.worker.dispatch;

import java.util.Optional;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.config.model.ObjectModel;

/**
 * STAND-IN until the real router lands (written in parallel, replaced at merge): host checks to {@code host} when
 * {@code hosts=yes}, service checks to {@code service} when {@code services=yes}, everything else local.
 */
final class QueueRouter {

    private final DispatchSettings settings;

    private QueueRouter(DispatchSettings settings) {
        this.settings = settings;
    }

    static QueueRouter of(ObjectModel model, DispatchSettings settings) {
        return new QueueRouter(settings);
    }

    Optional<String> queueFor(CheckSubject subject) {
        if (subject.isHost()) {
            return settings.hosts() ? Optional.of("host") : Optional.empty();
        }
        return settings.services() ? Optional.of("service") : Optional.empty();
    }
}
