package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native runner as it runs where pidfds are missing (kernels before 5.3, some sandboxes): no exit watcher, each
 * run read, waited for and reaped by the thread that runs it, its deadline on the timeout thread. Same contract.
 */
class NativeRunnerWithoutPidfdTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        assertThat(NativeRunner.available()).as("native spawner: %s", NativeRunner.whyUnavailable()).isTrue();
        return new NativeRunner(options, false);
    }
}
