package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.LoadResult;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.run.JobLoop;

/**
 * The dispatch's event handlers with {@code eventhandler=yes}: put on the {@code eventhandler} queue, encrypted with
 * the shared key, and run by a worker serving it; with it off, or with gearmand gone, the handler is not taken (the
 * engine then runs it here).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class DispatchHandlersTest {

    @TempDir
    Path dir;

    @Test
    void anEventHandlerGoesToAWorkerOnTheEventhandlerQueue() throws Exception {
        LoadResult config = TestConfig.load(dir, 2, 2);
        Path ran = dir.resolve("handler-ran");
        try (Harness h = new Harness(config, s -> s.eventhandler = true)) {
            JobLoop loop = new JobLoop(h.gearmand().address(), List.of("eventhandler"),
                    PayloadCodec.encrypted(SharedKey.fromPassword(h.settings.key)),
                    PluginRunners.create(RunnerOptions.defaults()), BuiltinSwitches.ON, "handler-worker",
                    Duration.ofSeconds(10), line -> { });
            Thread worker = new Thread(loop, "handler-worker");
            worker.start();
            try {
                HandlerDispatch handlers = h.dispatch.handlersFor(config.model(), config.mainConfig(), h.log::add);
                assertThat(handlers.send(CheckSubject.service("h1", "svc1"), "/usr/bin/touch " + ran,
                        Duration.ofSeconds(10))).isTrue();
                Harness.await("the handler run by the worker", Duration.ofSeconds(10), () -> Files.exists(ran));
            } finally {
                loop.stop();
                worker.join(3000);
            }
        }
    }

    @Test
    void withEventhandlerOffOrGearmandGoneTheHandlerRunsHere() throws Exception {
        LoadResult config = TestConfig.load(dir, 2, 2);
        try (Harness off = new Harness(config, s -> { })) {
            assertThat(off.dispatch.handlersFor(config.model(), config.mainConfig(), off.log::add))
                    .isSameAs(HandlerDispatch.LOCAL);
        }
        try (Harness gone = new Harness(config, s -> s.eventhandler = true)) {
            gone.stopGearmand();
            HandlerDispatch handlers = gone.dispatch.handlersFor(config.model(), config.mainConfig(), gone.log::add);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> handlers.send(
                    CheckSubject.service("h1", "svc1"), "/bin/true", Duration.ofSeconds(10)))
                    .hasMessageContaining("no gearmand took the job for queue 'eventhandler'");
        }
    }
}
