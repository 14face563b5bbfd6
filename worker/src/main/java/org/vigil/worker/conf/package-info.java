/**
 * mod_gearman's configuration format, shared by both sides as mod_gearman shares it: {@code key=value} files with
 * includes ({@link org.vigil.worker.conf.WorkerConfReader}), the keys and their kinds of value
 * ({@link org.vigil.worker.conf.WorkerConfKeys}), and the key file ({@link org.vigil.worker.conf.KeyFiles}). What a
 * key means is each side's: {@code vigil worker}'s settings (org.vigil.worker.settings) and the central node's
 * dispatch (org.vigil.worker.dispatch) each take the lines through their own {@link org.vigil.worker.conf.ConfSink}.
 */
package org.vigil.worker.conf;
