package org.vigil.checks.builtin.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * What the TCP checks share on the way to a conversation: the host's addresses, then each address in turn until one
 * connects (and, for check_ssh and check_smtp, until one's conversation does not fail on the wire), as the plugins'
 * {@code np_net_connect} walks getaddrinfo's list. Both end by the deadline they are given (the engine's timeout for
 * the lookup, which the plugins make before setting their alarm; the earlier of both for the connections): past it,
 * they fail with {@link IoTimeout}.
 */
final class Connecting {

    private static final BuiltinIo IO = BuiltinIo.shared();

    private Connecting() {
    }

    /**
     * A probe's first steps: {@code host} looked up by {@code deadline}, then {@code connect} with its addresses (null
     * for a name that does not resolve); a failure to start is a failed future, not a throw.
     */
    static CompletableFuture<Integer> lookUpThen(String host, long deadline,
                                                 Function<InetAddress[], CompletableFuture<Integer>> connect) {
        try {
            return resolve(host, deadline).thenCompose(connect);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@code host}'s addresses, null when it has none (the name does not resolve); a name is looked up off the loop. */
    static CompletableFuture<InetAddress[]> resolve(String host, long deadline) {
        CompletableFuture<Lookup> lookup = IO.resolve(host).handle((addresses, failure) -> {
            if (failure == null) {
                return new Lookup(addresses);
            }
            if (cause(failure) instanceof UnknownHostException) {
                return new Lookup(null);
            }
            throw new CompletionException(cause(failure));
        });
        return IO.by(lookup, deadline, () -> null).thenCompose(done -> done == null
                ? CompletableFuture.failedFuture(new IoTimeout())
                : CompletableFuture.completedFuture(done.addresses()));
    }

    /** A lookup that ended in time: the addresses, or null for none. */
    private record Lookup(InetAddress[] addresses) {
    }

    /**
     * Connects to {@code addresses} in turn and gives the first connection to {@code talk}: its result, or, when
     * every address refused (or its conversation failed with an {@link IOException}), what {@code refused} makes of
     * the last error's words. A connection whose {@code talk} fails is closed here; one whose {@code talk} succeeds
     * is {@code talk}'s to close.
     */
    static <T> CompletableFuture<T> eachAddress(InetAddress[] addresses, int port, long deadline,
                                                Function<AsyncStream, CompletableFuture<T>> talk,
                                                Function<String, T> refused) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(new Attempts<>(addresses, port, deadline, talk, refused, result), 0, "Connection refused");
        return result;
    }

    private record Attempts<T>(InetAddress[] addresses, int port, long deadline,
                               Function<AsyncStream, CompletableFuture<T>> talk, Function<String, T> refused,
                               CompletableFuture<T> result) {
    }

    private static <T> void attempt(Attempts<T> a, int index, String error) {
        if (index == a.addresses().length) {
            complete(a.result(), () -> a.refused().apply(error));
            return;
        }
        IO.connect(new InetSocketAddress(a.addresses()[index], a.port()), a.deadline())
                .thenCompose(stream -> {
                    CompletableFuture<T> talked;
                    try {
                        talked = a.talk().apply(stream);
                    } catch (RuntimeException e) {
                        talked = CompletableFuture.failedFuture(e);
                    }
                    return talked.whenComplete((value, failure) -> {
                        if (failure != null) {
                            stream.close();
                        }
                    });
                })
                .whenComplete((value, failure) -> {
                    Throwable cause = cause(failure);
                    if (cause == null) {
                        a.result().complete(value);
                    } else if (cause instanceof IOException && !(cause instanceof IoTimeout)) {
                        attempt(a, index + 1, cause.getMessage() == null ? error : cause.getMessage());
                    } else {
                        a.result().completeExceptionally(cause);
                    }
                });
    }

    private static <T> void complete(CompletableFuture<T> result, Supplier<T> value) {
        try {
            result.complete(value.get());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** What failed, out of the {@link CompletionException} a chained stage wraps it in; null for none. */
    static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
