package org.vigil.engine.sweep;

import org.vigil.engine.state.CheckTarget;

/** One object a sweep names: a host ({@code service} null) or a host's service. */
public record SweepObject(String host, String service) {

    static SweepObject of(CheckTarget t) {
        return new SweepObject(t.hostName(), t.isHost() ? null : t.service().description());
    }
}
