package org.vigil.web.api;

import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.Optional;
import org.vigil.engine.command.CommandError;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.command.ExternalCommand;
import org.vigil.web.auth.WebUser;
import org.vigil.web.model.Monitor;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * Carries out the API's actions: checks the object is one the user may see (404 otherwise, as if it did not
 * exist), runs the command through {@code daemon.commands().call}, the command file's path, and turns a refused
 * command into a 422 with the engine's reason.
 */
public final class CommandRunner {

    private final Monitor monitor;
    private final ReadModel reader;
    private final Clock clock;

    public CommandRunner(Monitor monitor, ReadModel reader, Clock clock) {
        this.monitor = monitor;
        this.reader = reader;
        this.clock = clock;
    }

    /** Checks the user may see {@code host}: the config decides, so no fresh snapshot is needed after each command. */
    void host(SecurityContext sc, String host) {
        StatusResource.visibleHost(reader.ofConfig(), StatusResource.access(sc), host);
    }

    void service(SecurityContext sc, String host, String service) {
        StatusResource.visibleService(reader.ofConfig(), StatusResource.access(sc), host, service);
    }

    StatusSnapshot fresh() {
        return reader.fresh();
    }

    /** The author of a command: the logged-in user; without authentication, {@code given} or "vigil-api". */
    String author(SecurityContext sc, String given) {
        WebUser u = StatusResource.user(sc);
        if (u != WebUser.ANONYMOUS) {
            return u.name();
        }
        if (given != null && (given.contains(";") || given.contains("\n"))) {
            throw ApiException.badRequest("'author' must be one line without ';'");
        }
        return given == null || given.isBlank() ? "vigil-api"
                : Bodies.bounded("author", given.strip(), org.vigil.engine.command.CommandLimits.MAX_AUTHOR_BYTES);
    }

    /**
     * Runs {@code type} with {@code args} through the command path and waits for it; a command the engine refuses
     * is an {@link ApiException} (422) with the engine's reason. Also for parts that check their callers themselves
     * (the pagers' receivers).
     */
    public Actions.Done call(CommandType type, String... args) {
        ExternalCommand command = ExternalCommand.of(type, clock.instant(), args);
        Optional<CommandError> error = monitor.commands().call(command);
        reader.invalidate();
        if (error.isPresent()) {
            CommandError e = error.get();
            throw new ApiException(422, "command failed", e.reason() == null ? e.kind().text() : e.reason());
        }
        return new Actions.Done(true, command.text());
    }
}
