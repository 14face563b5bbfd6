/**
 * What a {@code vigil worker} is configured with (issue 20): {@link org.vigil.worker.settings.WorkerSettings} (gearmand
 * servers, shared key or key file, encryption, the queues served, process limits and mod_gearman's other documented
 * keys), read from mod_gearman's {@code worker.conf} format and the command line by
 * {@link org.vigil.worker.settings.WorkerCommandLine}, the command line overriding the files. Problems are reported
 * all at once, one {@code file:line: error: ...} line each.
 */
package org.vigil.worker.settings;
