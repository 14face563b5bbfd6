/**
 * Built-in {@code check_load}: {@link org.vigil.checks.builtin.load.CheckLoad} reads {@code /proc/loadavg} as
 * Debian's check_load (monitoring-plugins 2.3.3, through glibc's {@code getloadavg}) does, reads its arguments as its
 * {@code getopt_long} loop and {@code get_threshold} do ({@link org.vigil.checks.builtin.load.LoadArguments},
 * {@link org.vigil.checks.builtin.load.LoadThresholds}) and prints its status line and perfdata byte for byte
 * ({@link org.vigil.checks.builtin.load.LoadReport}); {@code CheckLoadDifferentialTest} holds that against the plugin.
 */
package org.vigil.checks.builtin.load;
