package org.vigil.config.model;

/** Flap detection of one host or service; thresholds of 0 mean "use the global ones". */
public record FlapSettings(boolean enabled, double lowThreshold, double highThreshold, Options options) {
}
