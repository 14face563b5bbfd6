/**
 * What the web layer needs of the running monitor besides the read model ({@link org.vigil.model.ReadModel}, in
 * the status-model module): the narrow {@link org.vigil.web.model.Monitor} and the Nagios log as events. Nothing
 * here changes the engine.
 */
package org.vigil.web.model;
