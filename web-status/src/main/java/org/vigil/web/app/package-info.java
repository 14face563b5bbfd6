/**
 * The Dropwizard application inside {@code vigil run}: configuration ({@code vigil.yml}), the programmatic
 * start, health checks and Prometheus metrics on the admin port. The only place that wires web parts together.
 */
package org.vigil.web.app;
