package org.vigil.engine.daemon;

import java.util.function.Consumer;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.log.NagiosLog;

/**
 * Gives each engine the {@link Daemon} builds (the first one, and a new one at every reload) its listener: the
 * parts after the engine (the notifier) plug in here without the engine knowing them.
 */
@FunctionalInterface
public interface EngineListenerFactory {

    /** The listener for an engine about to be built for {@code config}, writing to the daemon's {@code log}. */
    Attachment create(LoadResult config, NagiosLog log);

    /**
     * A listener and what the daemon does with it once its engine exists.
     *
     * @param bind     called with the engine after its retained (or handed-over) state is restored and before it
     *                 starts, on the daemon's thread
     * @param periodic queued on that engine's thread every {@link Daemon#LISTENER_PASS} while it is the current
     *                 one (the notifier's re-notification pass)
     */
    record Attachment(EngineListener listener, Consumer<Engine> bind, Runnable periodic) {

        public static Attachment of(EngineListener listener) {
            return new Attachment(listener, e -> { }, () -> { });
        }
    }

    /**
     * This factory's listener and then {@code next}'s, for each engine: bound, and passed periodically, in that
     * order (the notifier and the metric writers each hear every result, neither knowing of the other).
     */
    default EngineListenerFactory and(EngineListenerFactory next) {
        EngineListenerFactory first = this;
        return (config, log) -> {
            Attachment a = first.create(config, log);
            Attachment b = next.create(config, log);
            return new Attachment(EngineListener.both(a.listener(), b.listener()),
                    a.bind().andThen(b.bind()), () -> {
                        a.periodic().run();
                        b.periodic().run();
                    });
        };
    }

    /** No listener. */
    EngineListenerFactory NONE = (config, log) -> Attachment.of(EngineListener.NONE);
}
