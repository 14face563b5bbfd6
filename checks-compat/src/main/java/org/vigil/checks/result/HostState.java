package org.vigil.checks.result;

/** A host state. A check only yields UP or DOWN; the engine turns DOWN into UNREACHABLE from the parents. */
public enum HostState {
    UP, DOWN, UNREACHABLE;

    public int code() {
        return ordinal();
    }
}
