/**
 * The Nagios plugin contract: expanding macros in command definitions ({@code macro}), turning a command line into
 * an argv or a shell command ({@code command}), running plugins with a timeout ({@code exec}), parsing what they
 * print ({@code output}) and mapping it to a state with Nagios 4.4.6's exact texts ({@code result}).
 */
package org.vigil.checks;
