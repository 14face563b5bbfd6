package org.vigil.model;

import java.util.List;

/** A contact as configured, with the contact groups it is a member of. */
public record ContactView(String name, String alias, String email, String pager, List<String> contactgroups,
                          boolean canSubmitCommands) {

    public ContactView {
        contactgroups = List.copyOf(contactgroups);
    }
}
