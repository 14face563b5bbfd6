/**
 * The read model every reader shares (the status pages, the JSON API, {@code /metrics}; Livestatus and an HA
 * standby next): {@link org.vigil.model.ReadModel} keeps the latest immutable {@link org.vigil.model.StatusSnapshot},
 * made from the one before on the engine thread by copying only the statuses whose change count moved, with indexes
 * by state, problem, host, group and contact. Nothing here changes the engine.
 */
package org.vigil.model;
