package org.vigil.checks.exec;

class CommonsExecRunnerTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        return new CommonsExecRunner(options);
    }
}
