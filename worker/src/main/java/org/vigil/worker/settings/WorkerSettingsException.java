package org.vigil.worker.settings;

import java.util.List;

/**
 * The worker's settings could not be read: one line per problem, each {@code file:line: error: what is wrong} (or
 * {@code vigil worker: error: ...} for the command line), all of them at once, as a compiler reports.
 */
public final class WorkerSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public WorkerSettingsException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** Each problem, one line each, in the order found. */
    public List<String> errors() {
        return errors;
    }
}
