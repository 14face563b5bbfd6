package org.vigil.checks.exec;

class DirectRunnerTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        return new DirectRunner(options);
    }
}
