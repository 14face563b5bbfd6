/**
 * Livestatus, the query protocol of Thruk, NagVis, Nagstamon and scripts. Three packages, each with one job:
 * {@code query} is the language (a request's headers, filters, stats, sorting and output formats) over any
 * {@link org.vigil.livestatus.query.Table}; {@code table} is what there is to ask about (hosts, services, groups,
 * comments, log, ...), read from a {@link org.vigil.model.StatusSnapshot} and the resolved objects; {@code server}
 * is the Unix socket and TCP listener, keep-alive, long polling and {@code COMMAND} lines. The language knows no
 * table, the tables know no socket.
 */
package org.vigil.livestatus;
