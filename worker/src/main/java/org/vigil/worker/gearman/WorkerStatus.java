package org.vigil.worker.gearman;

import java.util.List;

/**
 * One line of the admin {@code workers} command: a connection to the server and the functions it registered
 * (empty for clients and admin connections).
 *
 * @param fd        the server's file descriptor for the connection
 * @param address   the peer's IP address
 * @param clientId  the id set with SET_CLIENT_ID, {@code -} when none
 * @param functions the functions this connection can do
 */
public record WorkerStatus(int fd, String address, String clientId, List<String> functions) {

    public WorkerStatus {
        functions = List.copyOf(functions);
    }
}
