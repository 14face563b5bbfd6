/**
 * Metric writers, beyond Nagios as Icinga 2 has them: every accepted check result's performance data goes to
 * Graphite (carbon's plaintext protocol over TCP) and InfluxDB (line protocol over HTTP, the v1 {@code /write} API),
 * named from host, service, check command and perfdata label as Icinga 2's GraphiteWriter and InfluxdbWriter name
 * them, with thresholds and the result's state as extra series (Graphite) or fields (InfluxDB).
 *
 * <p>The engine does not know this package: {@link org.vigil.perfdata.MetricWriters} is an engine listener factory
 * that vigil-app hands the daemon beside the notifier's. On the engine thread a result becomes one small
 * {@link org.vigil.perfdata.ResultSample} offered to each writer's {@link org.vigil.perfdata.DropOldestQueue}, which
 * never blocks; each writer's own thread formats and sends, reconnecting while its receiver is away, and the queue
 * drops the oldest samples (counted, shown in {@code /metrics}) when it is full.
 */
package org.vigil.perfdata;
