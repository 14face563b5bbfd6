package org.vigil.engine.retention;

import java.util.Objects;

/**
 * Names one retained object: a host, a service, a contact, or the program itself.
 * {@code name} is the host or contact name ("" for the program); {@code service} is the service
 * description for services and "" otherwise, so every part is non-null and usable in a primary key.
 */
public record ObjectKey(Kind kind, String name, String service) {

    /** What sort of object a key names. */
    public enum Kind { HOST, SERVICE, CONTACT, PROGRAM }

    private static final ObjectKey PROGRAM = new ObjectKey(Kind.PROGRAM, "", "");

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        if ((kind == Kind.SERVICE) == service.isEmpty()) {
            throw new IllegalArgumentException("a service key, and only a service key, has a service description: "
                    + kind + " " + name + ";" + service);
        }
    }

    public static ObjectKey host(String hostName) {
        return new ObjectKey(Kind.HOST, hostName, "");
    }

    public static ObjectKey service(String hostName, String description) {
        return new ObjectKey(Kind.SERVICE, hostName, description);
    }

    public static ObjectKey contact(String contactName) {
        return new ObjectKey(Kind.CONTACT, contactName, "");
    }

    /** The program-wide settings (notifications enabled, checks enabled, ...). */
    public static ObjectKey program() {
        return PROGRAM;
    }

    /**
     * Written out, not the record's: a start looks up 100,000 keys and more while its code is still cold, and the
     * record's hash (31 times the name's plus the description's) gave one hash to many services of similar names.
     */
    @Override
    public int hashCode() {
        return (name.hashCode() * 0x9E3779B1 + service.hashCode()) * 31 + kind.ordinal();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectKey k && k.kind == kind && k.name.equals(name) && k.service.equals(service);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SERVICE -> "service " + name + ";" + service;
            case PROGRAM -> "program";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
        };
    }
}
