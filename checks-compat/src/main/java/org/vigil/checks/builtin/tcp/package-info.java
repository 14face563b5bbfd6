/**
 * Built-in TCP plugins: {@link org.vigil.checks.builtin.tcp.CheckTcp} (check_tcp and the names Debian links to it,
 * each with its own defaults), {@link org.vigil.checks.builtin.tcp.CheckSsh} and
 * {@link org.vigil.checks.builtin.tcp.CheckSmtp}. Each reads its arguments as monitoring-plugins 2.3.3 does and
 * words its result byte for byte as the plugin would; the differential tests beside them hold that against the real
 * plugins. A run ({@code TcpProbe}, {@code SshProbe}, {@code SmtpProbe}) is a chain of futures on the built-in
 * checks' event loop ({@link org.vigil.checks.builtin.io.BuiltinIo}), each wait ending by the plugin's alarm or the
 * engine's timeout ({@code RunLimits}): no thread waits for a target. Text from the network is kept as bytes (one
 * ISO-8859-1 char each) until the output is decoded, as a forked plugin's output is.
 */
package org.vigil.checks.builtin.tcp;
