package org.vigil.engine.state;

/** A host or service state as Nagios numbers and names it. */
public interface NagiosState {

    /** The number Nagios uses in status files, macros and the command pipe. */
    int code();

    /** True for the one state that is not a problem: OK for services, UP for hosts. */
    boolean isOk();

    /** The name in log lines and macros ({@code CRITICAL}, {@code UNREACHABLE}...). */
    String name();

    /** The {@code stalking_options} letter of this state. */
    char letter();
}
