package org.vigil.config.diag;

/** How bad a diagnostic is: errors make a config unusable, warnings do not. */
public enum Severity {
    WARNING("warning"),
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
