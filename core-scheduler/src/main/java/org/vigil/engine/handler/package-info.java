/**
 * Event handlers as Nagios 4.4.6 runs them ({@code base/sehandlers.c}): on soft and hard state changes, the global
 * handler first and then the object's, with the state, type and attempt of the change in their macros, logged as
 * {@code SERVICE EVENT HANDLER: ...} and run off the engine thread with {@code event_handler_timeout}.
 */
package org.vigil.engine.handler;
