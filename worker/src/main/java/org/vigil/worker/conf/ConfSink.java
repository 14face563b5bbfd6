package org.vigil.worker.conf;

/**
 * Where {@link WorkerConfReader} puts what it reads from mod_gearman's config format: the worker's settings, or the
 * central node's dispatch settings (org.vigil.worker.dispatch), which read the same format with other keys.
 */
public interface ConfSink {

    /**
     * Takes one {@code key} with its value (null for a bare key) read at {@code where} ({@code file:line}).
     * Returns the canonical key when it names another file to read ({@code config}, {@code include}), else null.
     */
    String apply(String where, String key, String value);

    /** Records a problem at {@code where}. */
    void error(String where, String message);
}
