package org.vigil.engine.state;

/** How a problem was acknowledged: a NORMAL one ends at any state change, a STICKY one at recovery. */
public enum AcknowledgementType {
    NONE, NORMAL, STICKY
}
