package org.vigil.livestatus.server;

/**
 * Where a {@code COMMAND [epoch] NAME;args} request goes: the running daemon's external commands, the path of the
 * command file and the pages, logged the same way. {@link #run} returns once the engine has carried the command
 * out, so the client's next query sees it (Livestatus runs a command before it reads the next request).
 */
@FunctionalInterface
public interface CommandSink {

    /** Carries out {@code line} ({@code [epoch] NAME;args}, as the command file would get it). */
    void run(String line);
}
