package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack of filters one kind of header builds ({@code Filter:}/{@code And:}/{@code Or:}/{@code Negate:}, or the
 * {@code WaitCondition} family): each condition is pushed, {@code And: n} and {@code Or: n} replace the last
 * {@code n} with their combination, {@code Negate:} replaces the last one with its negation. What is left is
 * and-ed, as Livestatus does.
 */
final class FilterStack {

    private final String prefix;
    private final List<FilterExpr> stack = new ArrayList<>();

    /** {@code prefix} is how the headers start, for messages: "" for Filter, "WaitCondition" for the wait. */
    FilterStack(String prefix) {
        this.prefix = prefix;
    }

    void push(FilterExpr expr) {
        stack.add(expr);
    }

    /** {@code And: n} ({@code all}) or {@code Or: n}. */
    void combine(int n, boolean all, String header) throws LivestatusError {
        if (n > stack.size()) {
            throw LivestatusError.badRequest(header + ": cannot combine " + n + " filters with '"
                    + (all ? "AND" : "OR") + "': only " + stack.size() + " are on stack");
        }
        List<FilterExpr> parts = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        stack.add(all ? new FilterExpr.All(List.copyOf(parts)) : new FilterExpr.Any(List.copyOf(parts)));
    }

    void negate(String header) throws LivestatusError {
        if (stack.isEmpty()) {
            throw LivestatusError.badRequest(header + ": no " + (prefix.isEmpty() ? "Filter" : prefix)
                    + ": header to negate");
        }
        stack.add(new FilterExpr.Not(stack.remove(stack.size() - 1)));
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }

    /** Everything on the stack, and-ed. */
    FilterExpr result() {
        return stack.size() == 1 ? stack.get(0) : new FilterExpr.All(List.copyOf(stack));
    }
}
