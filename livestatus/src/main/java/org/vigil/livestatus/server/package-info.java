/** The Livestatus listeners (Unix socket, TCP), connections, keep-alive, long polling and COMMAND lines. */
package org.vigil.livestatus.server;
