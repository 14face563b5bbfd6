/**
 * The Livestatus query language over any {@link org.vigil.livestatus.query.Table}: requests, filters, stats,
 * sorting, limits and output formats, and the status codes of a bad request.
 */
package org.vigil.livestatus.query;
