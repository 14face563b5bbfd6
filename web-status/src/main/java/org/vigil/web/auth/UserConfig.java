package org.vigil.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One user of {@code vigil.yml}'s {@code auth.users}: a name, a password hash from {@code vigil hash-password},
 * the Nagios contact it is linked to (optional), and its grants.
 */
public final class UserConfig {

    @JsonProperty
    public String name;

    @JsonProperty("password_hash")
    public String passwordHash;

    @JsonProperty
    public String contact;

    @JsonProperty("all_objects")
    public boolean allObjects;

    @JsonProperty("read_only")
    public boolean readOnly;

    public UserConfig() {
    }

    public UserConfig(String name, String passwordHash, String contact, boolean allObjects, boolean readOnly) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.contact = contact;
        this.allObjects = allObjects;
        this.readOnly = readOnly;
    }

    WebUser user() {
        return new WebUser(name, contact, allObjects, readOnly);
    }
}
