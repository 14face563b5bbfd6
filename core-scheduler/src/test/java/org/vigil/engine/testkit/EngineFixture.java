package org.vigil.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.Commands;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionProblem;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckableStatus;

/**
 * A started engine on a {@link TestClock} and a {@link ManualCheckClock} (checks run only when a test advances it),
 * with scripted results, the main log in memory, and the real command path ({@link Commands}); optionally keeping its
 * state in embedded H2. Built with {@link #on}; {@link #close} stops everything it started.
 */
public final class EngineFixture implements AutoCloseable {

    public final TestClock clock;
    public final ManualCheckClock checks;
    public final ScriptedChecks script;
    public final LogCapture log;
    public final Engine engine;
    public final Commands commands;
    private final WriteBehindRetention retention;
    private final boolean closeChecks;

    private EngineFixture(Builder b) throws Exception {
        this.clock = b.clock;
        this.checks = b.checks;
        this.script = b.script;
        this.closeChecks = b.closeChecks;
        this.log = new LogCapture(b.logFile, clock);
        CheckExecutor executor = b.executor != null ? b.executor : script.executor(clock);
        engine = new Engine(b.config.model(), b.config.mainConfig(), clock, checks, runtime -> executor, b.handlers,
                log.log(), b.listener);
        retention = b.retentionFile == null ? null : retain(b.retentionFile, b.problems);
        engine.start();
        commands = new Commands(engine, b.config.mainConfig(), log.log(), clock, b.limits);
    }

    private WriteBehindRetention retain(Path file, Consumer<RetentionProblem> problems) {
        Retention.Start start = Retention.start(RetentionSettings.embedded(file), engine.retentionKeys(), problems);
        assertThat(start).isInstanceOf(Retention.Started.class);
        Retention.Started started = (Retention.Started) start;
        engine.retain(started.state(), started.writer());
        return started.writer();
    }

    /** A fixture for {@code config} whose clock starts at {@code start}. */
    public static Builder on(LoadResult config, Instant start) {
        return new Builder(config, new TestClock(start));
    }

    /** A fixture for {@code config} on a clock the test made. */
    public static Builder on(LoadResult config, TestClock clock) {
        return new Builder(config, clock);
    }

    /** Waits (at most 5 s) until the engine thread has nothing left to do, failing the test otherwise. */
    public void awaitIdle() throws InterruptedException {
        assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    /** The host named {@code name}, else web1's service of that description; engine thread. */
    public CheckTarget target(String name) {
        return engine.hostTarget(name)
                .orElseGet(() -> engine.serviceTarget(new ServiceKey("web1", name)).orElseThrow());
    }

    /** The status of {@link #target}; engine thread. */
    public CheckableStatus<?> status(String name) {
        return engine.statusOf(target(name));
    }

    @Override
    public void close() {
        engine.close();
        if (closeChecks) {
            checks.close();
        }
        if (retention != null) {
            retention.close();
        }
    }

    /** What the fixture is made of; everything but the config has a default. */
    public static final class Builder {
        private final LoadResult config;
        private final TestClock clock;
        private ManualCheckClock checks = new ManualCheckClock();
        private ScriptedChecks script = ScriptedChecks.standard();
        private CheckExecutor executor;
        private EngineListener listener = EngineListener.NONE;
        private Path logFile;
        private Path retentionFile;
        private Consumer<RetentionProblem> problems;
        private boolean closeChecks;
        private EntryLimits limits = EntryLimits.DEFAULTS;
        private HandlerDispatch handlers = HandlerDispatch.LOCAL;

        private Builder(LoadResult config, TestClock clock) {
            this.config = config;
            this.clock = clock;
        }

        public Builder script(ScriptedChecks s) {
            this.script = s;
            return this;
        }

        /** Runs checks with {@code e} instead of the script. */
        public Builder executor(CheckExecutor e) {
            this.executor = e;
            return this;
        }

        public Builder listener(EngineListener l) {
            this.listener = l;
            return this;
        }

        /** Writes the main log to {@code file} too. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Keeps state in embedded H2 beside {@code file}, restored at start; problems go to {@code problems}. */
        public Builder retained(Path file, Consumer<RetentionProblem> problems) {
            this.retentionFile = file;
            this.problems = problems;
            return this;
        }

        /** Commands may add at most these comments and downtimes (default {@link EntryLimits#DEFAULTS}). */
        public Builder limits(EntryLimits l) {
            this.limits = l;
            return this;
        }

        /** Offers event handlers to {@code h} before running them (default: all run here). */
        public Builder handlers(HandlerDispatch h) {
            this.handlers = h;
            return this;
        }

        /** Closes the check clock too when the fixture closes. */
        public Builder closingCheckClock() {
            this.closeChecks = true;
            return this;
        }

        public EngineFixture start() throws Exception {
            return new EngineFixture(this);
        }
    }
}
