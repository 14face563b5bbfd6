package org.vigil.config.model;

import java.util.List;
import java.util.Map;
import org.vigil.config.diag.SourceLocation;

/** A person (or team address) who is told about problems, with when and how. */
public record Contact(String name, String alias, String email, String pager, List<String> addresses,
                      ContactNotifications host, ContactNotifications service, boolean canSubmitCommands,
                      Retention retention, int minimumImportance, Map<String, String> customVariables,
                      SourceLocation location) {

    public Contact {
        addresses = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(addresses));
        customVariables = CustomVariables.copyOf(customVariables);
    }

    /** How a contact is notified about hosts, or about services. */
    public record ContactNotifications(String period, List<String> commands, Options options, boolean enabled) {

        public ContactNotifications {
            commands = List.copyOf(commands);
        }
    }
}
