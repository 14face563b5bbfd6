package org.vigil.checks.builtin.io;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A loop of asynchronous steps (reads until an answer is complete) that does not grow the stack: a step whose future
 * is already done (the data had come) is followed in the same frame, not from inside the previous one, so a peer
 * that sends a megabyte in one-byte reads costs iterations, not stack frames.
 */
public final class AsyncLoop {

    private final Supplier<? extends CompletionStage<Boolean>> step;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private AsyncLoop(Supplier<? extends CompletionStage<Boolean>> step) {
        this.step = step;
    }

    /**
     * Runs {@code step} again each time its future gives true; the loop's future completes when one gives false (or
     * null), or fails with the first step's failure (unwrapped from {@link CompletionException}).
     */
    public static CompletableFuture<Void> repeat(Supplier<? extends CompletionStage<Boolean>> step) {
        AsyncLoop loop = new AsyncLoop(step);
        loop.run();
        return loop.done;
    }

    private void run() {
        while (true) {
            CompletableFuture<Boolean> next;
            try {
                next = step.get().toCompletableFuture();
            } catch (RuntimeException e) {
                done.completeExceptionally(unwrap(e));
                return;
            }
            if (!next.isDone()) {
                next.whenComplete((again, failure) -> {
                    if (carriesOn(again, failure)) {
                        run();
                    }
                });
                return;
            }
            Boolean again;
            try {
                again = next.join();
            } catch (RuntimeException e) {
                done.completeExceptionally(unwrap(e));
                return;
            }
            if (!carriesOn(again, null)) {
                return;
            }
        }
    }

    /** Whether to take another step; when not, the loop's future is completed. */
    private boolean carriesOn(Boolean again, Throwable failure) {
        if (failure != null) {
            done.completeExceptionally(unwrap(failure));
            return false;
        }
        if (!Boolean.TRUE.equals(again)) {
            done.complete(null);
            return false;
        }
        return true;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
