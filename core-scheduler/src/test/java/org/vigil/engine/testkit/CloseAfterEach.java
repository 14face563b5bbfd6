package org.vigil.engine.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test {@link #add}ed after it, last first, so a scenario test needs no {@code @AfterEach}:
 * {@code @RegisterExtension final CloseAfterEach closing = new CloseAfterEach();}.
 */
public final class CloseAfterEach implements AfterEachCallback {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** {@code c}, to be closed after the test. */
    public <T extends AutoCloseable> T add(T c) {
        open.push(c);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
