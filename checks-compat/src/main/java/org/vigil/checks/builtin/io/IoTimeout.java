package org.vigil.checks.builtin.io;

import java.io.IOException;

/** A connect, read or write did not finish by its deadline. Carries no stack trace: it is an outcome, not a bug. */
public final class IoTimeout extends IOException {

    public IoTimeout() {
        super("timed out", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
