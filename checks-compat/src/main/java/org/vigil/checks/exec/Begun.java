package org.vigil.checks.exec;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A run as its start leaves it: already going without a thread of its own (a built-in check, whose end comes on the
 * event loop), or still to be run on a thread that may wait for it (a forked plugin). The engine starts checks on
 * its scheduling thread and hands only the second kind to its pool, so a built-in costs no thread hand-over.
 */
public sealed interface Begun<T> {

    /** What {@code f} makes of the result, once there is one. */
    <R> Begun<R> map(Function<? super T, ? extends R> f);

    /** Going: {@code stage} completes when the run ends. */
    record Started<T>(CompletionStage<T> stage) implements Begun<T> {
        @Override
        public <R> Begun<R> map(Function<? super T, ? extends R> f) {
            return new Started<>(stage.thenApply(f));
        }
    }

    /** To run, to its end, on a thread that may wait. */
    record Blocking<T>(Supplier<T> run) implements Begun<T> {
        @Override
        public <R> Begun<R> map(Function<? super T, ? extends R> f) {
            return new Blocking<>(() -> f.apply(run.get()));
        }
    }
}
