/**
 * Scheduled downtimes as Nagios Core 4.4.6 keeps them ({@code common/downtime.c}): the
 * {@link org.vigil.engine.downtime.DowntimeBook} (scheduling, start, end, cancel, triggered and flexible
 * downtimes, {@code scheduled_downtime_depth}), the downtime comment through the
 * {@link org.vigil.engine.downtime.DowntimeComments} port, and the status.dat blocks.
 */
package org.vigil.engine.downtime;
