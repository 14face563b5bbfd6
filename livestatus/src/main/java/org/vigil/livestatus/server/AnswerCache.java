package org.vigil.livestatus.server;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The answers given from the latest snapshot, by request text: a snapshot never changes, so the same request (same
 * headers, same {@code AuthUser}) has the same answer until the next one. Thruk's tactical overview, NagVis maps and
 * Nagstamon poll the same few queries from every open page; each is worked out once per snapshot (at most one a
 * second) and the others wait for it rather than work it out again. Bounded: at most {@link #MOST_ANSWERS}
 * requests per snapshot, an answer over {@link #MOST_BYTES} is not kept, and a new snapshot drops them all.
 */
final class AnswerCache {

    static final int MOST_ANSWERS = 32;
    static final int MOST_BYTES = 1 << 20;

    /** The answers of one snapshot. */
    private record Generation(Object snapshot, Instant takenAt,
                              ConcurrentHashMap<String, CompletableFuture<byte[]>> answers) {
    }

    private volatile Generation current;

    /**
     * The answer to {@code request} on {@code snapshot} (taken at {@code takenAt}): kept, being made by another
     * thread, or made now.
     */
    byte[] answer(Object snapshot, Instant takenAt, String request, Supplier<byte[]> make) {
        Generation g = generation(snapshot, takenAt);
        if (g == null) {
            return make.get(); // a reader still on an older snapshot than the latest: not kept
        }
        CompletableFuture<byte[]> kept = g.answers().get(request);
        if (kept == null) {
            if (g.answers().size() >= MOST_ANSWERS) {
                return make.get();
            }
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            kept = g.answers().putIfAbsent(request, mine);
            if (kept == null) {
                return makeInto(g, request, mine, make);
            }
        }
        return kept.join();
    }

    private static byte[] makeInto(Generation g, String request, CompletableFuture<byte[]> mine,
                                   Supplier<byte[]> make) {
        byte[] answer;
        try {
            answer = make.get();
        } catch (RuntimeException | Error e) {
            g.answers().remove(request, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(answer); // those waiting get it even when it is too large to keep
        if (answer.length > MOST_BYTES) {
            g.answers().remove(request, mine);
        }
        return answer;
    }

    /** The generation of {@code snapshot}, started if it is newer than the last; null if it is older. */
    private Generation generation(Object snapshot, Instant takenAt) {
        Generation g = current;
        if (g != null && g.snapshot() == snapshot) {
            return g;
        }
        synchronized (this) {
            g = current;
            if (g != null && g.snapshot() == snapshot) {
                return g;
            }
            if (g != null && takenAt.isBefore(g.takenAt())) {
                return null;
            }
            current = new Generation(snapshot, takenAt, new ConcurrentHashMap<>());
            return current;
        }
    }
}
