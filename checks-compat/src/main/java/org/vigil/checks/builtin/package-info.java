/**
 * Built-in checks: the commonest monitoring plugins ({@code check_dummy}, {@code check_tcp} and its aliases,
 * {@code check_http}, {@code check_dns}, {@code check_load}, ...) run inside Vigil, without forking, with the
 * output, exit code and perfdata of the real plugin. {@link org.vigil.checks.builtin.BuiltinRunner} sits in front
 * of the real {@link org.vigil.checks.exec.PluginRunner}: a command line that calls a plugin by its usual name with
 * options its built-in supports exactly runs in-process; anything else runs the real plugin. Each built-in is a
 * {@link org.vigil.checks.builtin.BuiltinCheck}.
 */
package org.vigil.checks.builtin;
