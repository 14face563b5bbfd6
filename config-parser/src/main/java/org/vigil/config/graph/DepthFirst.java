package org.vigil.config.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A depth-first walk on an explicit stack, so that a chain as deep as the config makes it (5,000 templates,
 * nested groups, timeperiod exclusions; Nagios accepts them all) cannot overflow the thread's stack as a
 * recursive walk does. The caller keeps its own visited and in-progress marks: {@code enter} decides.
 */
public final class DepthFirst {

    private DepthFirst() {
    }

    /**
     * Walks from {@code start}. {@code enter} is called when a node is reached and returns whether to walk
     * into it (false for a node already done, or one met again through a loop, which the caller reports).
     * The nodes {@code children} gives are walked in order; then {@code leave} is called, so a node is left
     * after all it leads to, as a recursive walk leaves it.
     */
    public static <T> void walk(T start, Predicate<T> enter, Function<T, ? extends Iterable<T>> children,
                                Consumer<T> leave) {
        if (!enter.test(start)) {
            return;
        }
        Deque<Frame<T>> stack = new ArrayDeque<>();
        stack.push(new Frame<>(start, children.apply(start).iterator()));
        while (!stack.isEmpty()) {
            Frame<T> top = stack.peek();
            if (top.next.hasNext()) {
                T child = top.next.next();
                if (enter.test(child)) {
                    stack.push(new Frame<>(child, children.apply(child).iterator()));
                }
            } else {
                stack.pop();
                leave.accept(top.node);
            }
        }
    }

    private record Frame<T>(T node, Iterator<T> next) {
    }
}
