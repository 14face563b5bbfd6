package org.vigil.config.model;

/** Which parts of an object's runtime state survive a restart. */
public record Retention(boolean statusInformation, boolean nonStatusInformation) {
}
