/**
 * Running a check: {@link org.vigil.engine.exec.CheckExecutor} (what the engine asks), the plugin-backed
 * {@link org.vigil.engine.exec.PluginCheckExecutor} (macros, the runner, Nagios's result rules from checks-compat),
 * and the result of a check carried from a replaced engine at a reload.
 */
package org.vigil.engine.exec;
