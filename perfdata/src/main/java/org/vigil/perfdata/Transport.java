package org.vigil.perfdata;

import java.io.IOException;

/** How one writer's text reaches its receiver. Used by the writer's thread alone. */
interface Transport extends AutoCloseable {

    /**
     * Delivers {@code text} (whole lines). An {@link IOException} means the receiver was not reached or did not
     * take it: the writer keeps the results and tries again later. {@link Rejected} means it answered that the data
     * is bad: trying again would not help.
     */
    void send(String text) throws IOException, Rejected;

    /** The receiver, for the log ({@code Graphite at 127.0.0.1:2003}). */
    String receiver();

    /** Drops the connection, if any; the next send makes a new one. */
    @Override
    void close();

    /** The receiver refused the data itself (InfluxDB's 400): these results are dropped and counted. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }
}
