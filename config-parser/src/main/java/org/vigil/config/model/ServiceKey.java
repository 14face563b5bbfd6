package org.vigil.config.model;

import java.util.Objects;

/**
 * What names a service: its host and its description. A class rather than a record so that its hash is
 * computed once: large configs use it as a map key hundreds of thousands of times.
 */
public final class ServiceKey implements Comparable<ServiceKey> {

    private final String hostName;
    private final String description;
    private final int hash;

    public ServiceKey(String hostName, String description) {
        this.hostName = Objects.requireNonNull(hostName);
        this.description = Objects.requireNonNull(description);
        // not 31: with names like host00001/svc015 and host00000/svc025 that gave one hash to two services in two
        // (55,001 hashes for 100,001 services); an odd multiplier spread over all bits gives each its own
        this.hash = hostName.hashCode() * 0x9E3779B1 + description.hashCode();
    }

    public String hostName() {
        return hostName;
    }

    public String description() {
        return description;
    }

    @Override
    public int compareTo(ServiceKey o) {
        int c = hostName.compareTo(o.hostName);
        return c != 0 ? c : description.compareTo(o.description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceKey k && k.hash == hash && k.hostName.equals(hostName)
                && k.description.equals(description);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return hostName + ";" + description;
    }
}
