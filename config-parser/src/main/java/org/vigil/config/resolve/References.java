package org.vigil.config.resolve;

import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** Checks that names used by one object refer to defined objects, reporting at the referring line. */
final class References {

    private final Registry registry;
    private final Diagnostics diags;
    /** Command references found good, as written ({@code check_ping!100.0,20%!500.0,60%}): most repeat. */
    private final java.util.Set<String> goodCommands = new java.util.HashSet<>();

    References(Registry registry, Diagnostics diags) {
        this.registry = registry;
        this.diags = diags;
    }

    /** Checks a command reference ({@code name!arg1!arg2}: only the name must exist); returns it. */
    String command(String reference, SourceLocation where) {
        if (reference == null || goodCommands.contains(reference)) {
            return reference;
        }
        int bang = reference.indexOf('!');
        String name = (bang < 0 ? reference : reference.substring(0, bang)).strip();
        if (name.isEmpty()) {
            diags.error(where, "'" + reference + "' names no command before its first '!' (expected"
                    + " COMMAND or COMMAND!ARG1!...; only a service's check_command may start with '!', the mark of"
                    + " an important check command)");
            return reference;
        }
        if (registry.find(ObjectType.COMMAND, name) == null) {
            registry.unknown(ObjectType.COMMAND, name, where, diags);
        } else {
            goodCommands.add(reference);
        }
        return reference;
    }

    String timeperiod(String name, SourceLocation where) {
        if (name != null) {
            check(ObjectType.TIMEPERIOD, name, where);
        }
        return name;
    }

    void contact(String name, SourceLocation where) {
        check(ObjectType.CONTACT, name, where);
    }

    void contactGroup(String name, SourceLocation where) {
        check(ObjectType.CONTACTGROUP, name, where);
    }

    void host(String name, SourceLocation where) {
        check(ObjectType.HOST, name, where);
    }

    private void check(ObjectType type, String name, SourceLocation where) {
        if (registry.find(type, name) == null) {
            registry.unknown(type, name, where, diags);
        }
    }
}
