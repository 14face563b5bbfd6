/**
 * Differential tests: Vigil's config loader against the real Nagios Core 4.4.6.
 *
 * <p>The corpus lives in {@code src/test/resources/configs/CASE/}: a {@code nagios.cfg} with
 * relative paths and the object files it reads. A case with {@code expected-nagios.txt} is one Nagios
 * must reject (each line a substring of nagios4's output) and then also holds
 * {@code expected-errors.txt}, Vigil's errors as {@code file:line: error: message} with paths
 * relative to the case. Every other case is valid: nagios4 must accept it, and the objects Vigil
 * resolves must equal those in nagios4's precache. {@code sample-configs/}, Debian's
 * {@code /etc/nagios4} and the seeded {@link org.vigil.config.differential.ConfigGenerator} configs
 * run the same way.
 *
 * <p>Adding a case: write the directory, run {@code nagios4 -v CASE/nagios.cfg} (or the tests) and
 * record what Nagios does in comments; for an invalid case copy the lines Nagios prints into
 * {@code expected-nagios.txt}; when Vigil's errors are right, the failing test prints the {@code cp}
 * command that records them.
 *
 * <p>Run with {@code mvn -q -B -pl config-parser test} (nagios4 from the Debian package
 * {@code nagios4-core} must be installed; the tests fail, never skip, without it). Both dumps of
 * each case stay in {@code config-parser/target/differential/CASE/} for a closer look.
 */
package org.vigil.config.differential;
