package org.vigil.livestatus.server;

/**
 * What answers the requests a connection reads. The connections know only the framing (a request ends at an empty
 * line), the limits and keep-alive; the query language, tables, waits and commands are behind this.
 */
public interface RequestHandler {

    /** The answer to one request (its text without the empty line); may wait (long polling), never throws. */
    Reply answer(String request);

    /** The answer to a request refused before it was read whole: 413 too large, 451 incomplete. */
    byte[] error(int code, String message);

    /**
     * One answer.
     *
     * @param bytes     what is written back
     * @param keepAlive whether the connection then reads the next request ({@code KeepAlive: on}, and no error)
     */
    record Reply(byte[] bytes, boolean keepAlive) {
    }
}
