/**
 * Gearman's protocols, written from the protocol's public description: the binary packets ({@link
 * org.vigil.worker.gearman.PacketCodec}: {@code \0REQ}/{@code \0RES}, type, big-endian length, NUL-separated
 * arguments), a client that submits background jobs ({@link org.vigil.worker.gearman.GearmanClient}), a worker that
 * grabs, sleeps and reports jobs ({@link org.vigil.worker.gearman.GearmanWorker}) and the admin text protocol's
 * {@code status}, {@code workers} and {@code version} ({@link org.vigil.worker.gearman.GearmanAdmin}). Plain
 * blocking sockets, one connection per thread; every failure is a {@link
 * org.vigil.worker.gearman.GearmanException} whose message names the server and what went wrong.
 */
package org.vigil.worker.gearman;
