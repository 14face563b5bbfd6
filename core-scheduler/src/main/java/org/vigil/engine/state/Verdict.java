package org.vigil.engine.state;

import org.vigil.checks.result.PluginExit;

/**
 * What a result says, in the vocabulary of where it came from: a plugin's exit (active checks of hosts and
 * services), a service state (a passive service result, {@code PROCESS_SERVICE_CHECK_RESULT}) or a host state (a
 * passive host result, {@code PROCESS_HOST_CHECK_RESULT}). Each has its own type so that a host's plugin exit cannot
 * be read as a host state: once, a DOWN (1) was read as WARNING (1) and a dead host stayed UP.
 */
public sealed interface Verdict permits Verdict.Plugin, Verdict.Service, Verdict.Host {

    /** An active check's plugin exit, Nagios's mapping of timeouts and bad codes applied. */
    record Plugin(PluginExit exit) implements Verdict {
        public Plugin {
            java.util.Objects.requireNonNull(exit, "exit");
        }
    }

    /** A passive service result's state. */
    record Service(ServiceState state) implements Verdict {
        public Service {
            java.util.Objects.requireNonNull(state, "state");
        }
    }

    /** A passive host result's state. */
    record Host(HostState state) implements Verdict {
        public Host {
            java.util.Objects.requireNonNull(state, "state");
        }
    }
}
