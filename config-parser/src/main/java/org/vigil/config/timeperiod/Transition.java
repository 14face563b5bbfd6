package org.vigil.config.timeperiod;

import java.time.ZonedDateTime;

/** A moment a timeperiod becomes active ({@code entering}) or stops being active. */
public record Transition(ZonedDateTime at, boolean entering) {
}
