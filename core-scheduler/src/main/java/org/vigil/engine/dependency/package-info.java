/**
 * Host and service dependencies and {@code host_down_disable_service_checks}: {@link
 * org.vigil.engine.dependency.Dependencies} answers Nagios's execution and notification questions as pure queries;
 * {@link org.vigil.engine.dependency.CheckGate} runs a due check or moves it on, as Nagios's check viability test.
 */
package org.vigil.engine.dependency;
