/**
 * Notifications in the running monitor: {@link org.vigil.notify.setup.Notifications} plugs the rules into every
 * engine the daemon builds and routes each contact's notification to its commands or, for a command whose line is
 * {@code vigil-notify email} / {@code vigil-notify webhook NAME}, to the durable outbox of the built-in channels,
 * configured by {@link org.vigil.notify.setup.NotifySettingsFile}.
 */
package org.vigil.notify.setup;
