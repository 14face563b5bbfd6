package org.vigil.engine.handler;

/** The four kinds of event handler, with the words Nagios uses for each in its log. */
enum HandlerKind {
    GLOBAL_SERVICE("GLOBAL SERVICE EVENT HANDLER", "Global service"),
    SERVICE("SERVICE EVENT HANDLER", "Service"),
    GLOBAL_HOST("GLOBAL HOST EVENT HANDLER", "Global host"),
    HOST("HOST EVENT HANDLER", "Host");

    /** The prefix of the line logged when the handler is run. */
    final String logPrefix;
    /** How the timeout warning names it: {@code Warning: Service event handler command ...}. */
    final String timeoutName;

    HandlerKind(String logPrefix, String timeoutName) {
        this.logPrefix = logPrefix;
        this.timeoutName = timeoutName;
    }
}
