package org.vigil.config.timeperiod;

import org.vigil.config.diag.SourceLocation;

/**
 * One time-range line of a timeperiod definition as the lexer split it: {@code key} is the first word
 * (e.g. {@code monday}, {@code december}, {@code 2026-12-24}, {@code day}) and {@code value} the rest of
 * the line (e.g. {@code 25 00:00-24:00}).
 */
public record TimeperiodDirective(String key, String value, SourceLocation location) {
}
