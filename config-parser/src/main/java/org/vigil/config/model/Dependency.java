package org.vigil.config.model;

import org.vigil.config.diag.SourceLocation;

/**
 * A host dependency (descriptions null) or a service dependency, of one kind: Nagios splits a definition
 * with both criteria into an execution and a notification dependency.
 */
public record Dependency(Kind kind, String hostName, String serviceDescription, String dependentHostName,
                         String dependentServiceDescription, String period, boolean inheritsParent,
                         Options failureOptions, SourceLocation location) {

    /** What the dependency suppresses when it fails. */
    public enum Kind { EXECUTION, NOTIFICATION }

    public boolean isServiceDependency() {
        return serviceDescription != null;
    }
}
