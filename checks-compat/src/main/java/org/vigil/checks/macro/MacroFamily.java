package org.vigil.checks.macro;

/** Which object a standard macro describes, which decides how its value and its on-demand arguments are found. */
enum MacroFamily {
    HOST, SERVICE, HOSTGROUP, SERVICEGROUP, CONTACT, CONTACTGROUP, CONFIG, PROCESS, DATETIME, TIMEPERIOD,
    NOTIFICATION
}
