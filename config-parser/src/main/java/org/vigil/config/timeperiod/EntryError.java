package org.vigil.config.timeperiod;

/**
 * Why one timeperiod line could not be parsed. Used only inside the entry parser to unwind from deep in the
 * grammar; {@link TimeperiodRules#parse} turns it into a diagnostic, so it never reaches a caller.
 */
final class EntryError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String expected;

    EntryError(String problem, String expected) {
        super(problem, null, false, false);
        this.expected = expected;
    }

    /** The diagnostic text for {@code entry}: {@code invalid timeperiod entry '...': problem (expected ...)}. */
    String describe(String entry) {
        return "invalid timeperiod entry '" + entry + "': " + getMessage() + " (expected " + expected + ")";
    }
}
