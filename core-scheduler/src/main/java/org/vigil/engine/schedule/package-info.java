/**
 * When checks come due: the check clock (one heap of due times, {@link org.vigil.engine.schedule.HeapCheckClock}),
 * check periods, the initial spread, and Quartz for the few periodic jobs. It decides nothing about results.
 */
package org.vigil.engine.schedule;
