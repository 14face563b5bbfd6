package org.vigil.config.model;

/** What names a service: its host and its description. */
public record ServiceKey(String hostName, String description) implements Comparable<ServiceKey> {

    @Override
    public int compareTo(ServiceKey o) {
        int c = hostName.compareTo(o.hostName);
        return c != 0 ? c : description.compareTo(o.description);
    }

    @Override
    public String toString() {
        return hostName + ";" + description;
    }
}
