/**
 * The event loop the built-in checks wait on: sockets, TLS and timers that complete futures instead of parking a
 * thread per check. {@link org.vigil.checks.builtin.io.BuiltinIo} owns the threads (a few, shared by every check);
 * {@link org.vigil.checks.builtin.io.AsyncStream} is a connection a check reads and writes with deadlines, plain
 * ({@link org.vigil.checks.builtin.io.AsyncSocket}) or TLS ({@link org.vigil.checks.builtin.io.AsyncTls});
 * {@link org.vigil.checks.builtin.io.AsyncDatagram} is a UDP socket, on one selector thread of its own
 * ({@link org.vigil.checks.builtin.io.DatagramLoop}) since the JDK has no asynchronous datagram channel.
 */
package org.vigil.checks.builtin.io;
