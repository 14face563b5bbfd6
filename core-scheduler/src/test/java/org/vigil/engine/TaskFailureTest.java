package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.testkit.CloseAfterEach;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.TestConfig;

/**
 * A task of the engine thread that throws, here a real StackOverflowError and then an IllegalStateException: the
 * same thread runs the next task, each failure is one error line naming the task's kind (a second failure of the
 * same kind and cause is not logged again), no stack trace reaches the log, and external commands still work.
 * Before, the thread's worker ended on the first and the JVM printed the stack trace to standard error.
 */
class TaskFailureTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();

    @Test
    void theEngineThreadOutlivesATaskThatThrowsAnError() throws Exception {
        EngineFixture fx = closing.add(EngineFixture.on(TestConfig.load(dir, "", TestConfig.WEB1), T0).start());
        fx.awaitIdle();
        fx.log.newLines();
        Thread before = fx.engine.call(Thread::currentThread);

        fx.engine.submit("deep walk", () -> descend(0));
        fx.engine.submit("deep walk", () -> descend(0));
        fx.engine.submit("bad state", () -> {
            throw new IllegalStateException("no such thing\n\tat somewhere");
        });
        CountDownLatch ran = new CountDownLatch(1);
        fx.engine.submit("after", ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(fx.engine.call(Thread::currentThread)).isSameAs(before);
        List<String> lines = fx.log.newLines();
        assertThat(lines).containsExactly(
                "Error: engine task 'deep walk' failed and was abandoned: StackOverflowError; the engine goes on (this"
                        + " is a bug: please report it; further failures of this kind are not logged)",
                "Error: engine task 'bad state' failed and was abandoned: IllegalStateException: no such thing; the"
                        + " engine goes on (this is a bug: please report it; further failures of this kind are not"
                        + " logged)");

        fx.commands.submitLine("[" + T0.getEpochSecond() + "] ADD_HOST_COMMENT;web1;1;ops;still here");
        fx.awaitIdle();
        assertThat(fx.log.newLines()).containsExactly("EXTERNAL COMMAND: ADD_HOST_COMMENT;web1;1;ops;still here");
        assertThat(fx.engine.call(() -> fx.engine.comments().all().size())).isEqualTo(1);
    }

    @Test
    void aTaskQueuedWithoutAKindIsNamedAfterItsClass() {
        Runnable task = () -> { };
        assertThat(TaskGuard.kindOf(task)).isEqualTo("task of TaskFailureTest");
    }

    private static int descend(int depth) {
        return descend(depth + 1) + 1;
    }
}
