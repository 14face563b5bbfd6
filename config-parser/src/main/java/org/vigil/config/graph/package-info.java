/**
 * Walks over the graphs a config defines (templates, nested groups, timeperiod exclusions) without recursion,
 * so the depth of a chain is bounded by memory, not by the thread's stack. Depends on nothing else in Vigil.
 */
package org.vigil.config.graph;
