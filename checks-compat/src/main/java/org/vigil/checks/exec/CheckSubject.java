package org.vigil.checks.exec;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose check a command line is: a host's, or one of its services'. A runner that sends checks elsewhere (gearmand
 * workers) routes and labels them by it; a local runner ignores it.
 *
 * @param hostName the host
 * @param serviceDescription the service, empty for a host check
 */
public record CheckSubject(String hostName, Optional<String> serviceDescription) {

    public CheckSubject {
        Objects.requireNonNull(hostName);
        Objects.requireNonNull(serviceDescription);
    }

    /** A host's check. */
    public static CheckSubject host(String hostName) {
        return new CheckSubject(hostName, Optional.empty());
    }

    /** A service's check. */
    public static CheckSubject service(String hostName, String description) {
        return new CheckSubject(hostName, Optional.of(description));
    }

    public boolean isHost() {
        return serviceDescription.isEmpty();
    }
}
