package org.vigil.checks.exec;

import java.io.UncheckedIOException;
import java.io.IOException;

class WorkerRunnerTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        try {
            return WorkerRunner.start(options, 2, WorkerRunner.PERL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
