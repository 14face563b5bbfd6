package org.vigil.config.main;

import org.vigil.config.diag.SourceLocation;

/**
 * One {@code broker_module=} line of the main config with where it was written, so that the modules Vigil acts on
 * ({@link GearmanModuleLine}) can name the line in their messages.
 *
 * @param where the line
 * @param value everything after {@code broker_module=}
 */
public record BrokerModuleLine(SourceLocation where, String value) {
}
