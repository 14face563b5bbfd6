/**
 * The {@code vigil} command and its subcommands. {@code RunCommand} is the one place that wires the modules
 * together (config, daemon, notifications, web server, control socket); the web module knows nothing of the CLI.
 */
package org.vigil.app.cli;
