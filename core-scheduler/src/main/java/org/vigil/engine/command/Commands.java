package org.vigil.engine.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.output.PluginOutput;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.ObjectSwitches;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.stats.StatKind;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.Verdict;
import org.vigil.engine.state.CheckType;

/**
 * Carries out external commands on the engine thread, one at a time and in the order they arrive, so that
 * commands and check results share one order. The command file hands it lines; the API and web pages hand it
 * {@link ExternalCommand}s. Each command is logged as Nagios logs it, bad ones with the reason.
 */
public final class Commands {

    private final Engine engine;
    private final CommandParser parser;
    private final CommandLog log;
    private final Clock clock;
    private final DowntimeCommands downtimes;
    private final CommentCommands comments;

    public Commands(Engine engine, MainConfig main, NagiosLog log, Clock clock) {
        this(engine, main, log, clock, EntryLimits.DEFAULTS);
    }

    /** With {@code limits} on the comments and downtimes commands may add (vigil.yml's {@code limits:}). */
    public Commands(Engine engine, MainConfig main, NagiosLog log, Clock clock, EntryLimits limits) {
        this.engine = engine;
        this.parser = new CommandParser(engine.model());
        this.log = CommandLog.of(log, main);
        this.clock = clock;
        EntryCaps caps = new EntryCaps(engine, limits);
        this.downtimes = new DowntimeCommands(engine, clock, caps);
        this.comments = new CommentCommands(engine, caps);
    }

    /** Parses a command file line here and queues it on the engine thread; returns at once. */
    public void submitLine(String line) {
        ParseResult parsed = parser.parse(line, clock.instant());
        engine.submit("external command", () -> run(parsed));
    }

    /**
     * Runs a command built inside Vigil (API, web page) and waits for it: empty when it was carried out, else
     * why not (also logged, as for the command file).
     */
    public Optional<CommandError> call(ExternalCommand command) {
        ParseResult checked = parser.check(command);
        return engine.call(() -> run(checked));
    }

    /** Queues a command built inside Vigil; the future says what {@link #call} would. */
    public CompletableFuture<Optional<CommandError>> submit(ExternalCommand command) {
        ParseResult checked = parser.check(command);
        CompletableFuture<Optional<CommandError>> done = new CompletableFuture<>();
        engine.submit("external command", () -> {
            try {
                done.complete(run(checked));
            } catch (RuntimeException | Error e) { // the caller hears of it; the engine logs it and goes on
                done.completeExceptionally(e);
                throw e;
            }
        });
        return done;
    }

    /** Engine thread: logs and carries out one parsed line. */
    private Optional<CommandError> run(ParseResult parsed) {
        if (parsed instanceof CommandError e) {
            if (e.kind() == CommandError.Kind.FAILED) {
                engine.checkStatistics().count(StatKind.EXTERNAL_COMMAND);
                log.received(e.command());
            }
            log.rejected(e);
            return Optional.of(e);
        }
        ExternalCommand c = (ExternalCommand) parsed;
        // counted once recognised, as process_external_command1 counts (an unknown command is not)
        engine.checkStatistics().count(StatKind.EXTERNAL_COMMAND);
        log.received(c.text());
        Optional<String> failure = execute(c);
        failure.ifPresent(reason -> log.rejected(CommandError.failed(c.line(), c, reason)));
        return failure.map(reason -> CommandError.failed(c.line(), c, reason));
    }

    /** Carries out a checked command; the reason when it could not be. */
    private Optional<String> execute(ExternalCommand c) {
        List<String> a = c.args();
        ObjectSwitches o = engine.objectSwitches();
        return switch (c.type()) {
            case PROCESS_SERVICE_CHECK_RESULT -> passive(service(a), c, new Verdict.Service(serviceState(a.get(2))),
                    a.get(3));
            case PROCESS_HOST_CHECK_RESULT -> passive(host(a), c, new Verdict.Host(HostState.ofCode((int) code(
                    a.get(1)))), a.get(2));
            case SCHEDULE_SVC_CHECK, SCHEDULE_FORCED_SVC_CHECK -> schedule(List.of(service(a)), time(a.get(2)),
                    c.type() == CommandType.SCHEDULE_FORCED_SVC_CHECK);
            case SCHEDULE_HOST_CHECK, SCHEDULE_FORCED_HOST_CHECK -> schedule(List.of(host(a)), time(a.get(1)),
                    c.type() == CommandType.SCHEDULE_FORCED_HOST_CHECK);
            case SCHEDULE_HOST_SVC_CHECKS, SCHEDULE_FORCED_HOST_SVC_CHECKS -> schedule(servicesOf(a.get(0)),
                    time(a.get(1)), c.type() == CommandType.SCHEDULE_FORCED_HOST_SVC_CHECKS);
            case ENABLE_SVC_CHECK, DISABLE_SVC_CHECK -> done(() -> o.setActiveChecksEnabled(service(a),
                    c.type() == CommandType.ENABLE_SVC_CHECK));
            case ENABLE_HOST_CHECK, DISABLE_HOST_CHECK -> done(() -> o.setActiveChecksEnabled(host(a),
                    c.type() == CommandType.ENABLE_HOST_CHECK));
            case ENABLE_SVC_NOTIFICATIONS, DISABLE_SVC_NOTIFICATIONS -> done(() -> o.setNotificationsEnabled(
                    service(a), c.type() == CommandType.ENABLE_SVC_NOTIFICATIONS));
            case ENABLE_HOST_NOTIFICATIONS, DISABLE_HOST_NOTIFICATIONS -> done(() -> o.setNotificationsEnabled(
                    host(a), c.type() == CommandType.ENABLE_HOST_NOTIFICATIONS));
            case ENABLE_NOTIFICATIONS, DISABLE_NOTIFICATIONS -> done(() -> engine.switches().setNotificationsEnabled(
                    c.type() == CommandType.ENABLE_NOTIFICATIONS));
            case ENABLE_PASSIVE_SVC_CHECKS, DISABLE_PASSIVE_SVC_CHECKS -> done(() -> o.setPassiveChecksEnabled(
                    service(a), c.type() == CommandType.ENABLE_PASSIVE_SVC_CHECKS));
            case SCHEDULE_SVC_DOWNTIME, SCHEDULE_HOST_DOWNTIME, SCHEDULE_HOST_SVC_DOWNTIME,
                    SCHEDULE_HOSTGROUP_HOST_DOWNTIME, SCHEDULE_HOSTGROUP_SVC_DOWNTIME,
                    SCHEDULE_SERVICEGROUP_HOST_DOWNTIME, SCHEDULE_SERVICEGROUP_SVC_DOWNTIME,
                    SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME, SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME ->
                    downtimes.schedule(c);
            case DEL_SVC_DOWNTIME, DEL_HOST_DOWNTIME -> downtimes.delete(c);
            case ENABLE_FLAP_DETECTION, DISABLE_FLAP_DETECTION -> done(() -> engine.switches().setFlapDetectionEnabled(
                    c.type() == CommandType.ENABLE_FLAP_DETECTION));
            case ENABLE_HOST_FLAP_DETECTION, DISABLE_HOST_FLAP_DETECTION -> done(() -> o.setFlapDetectionEnabled(
                    host(a), c.type() == CommandType.ENABLE_HOST_FLAP_DETECTION));
            case ENABLE_SVC_FLAP_DETECTION, DISABLE_SVC_FLAP_DETECTION -> done(() -> o.setFlapDetectionEnabled(
                    service(a), c.type() == CommandType.ENABLE_SVC_FLAP_DETECTION));
            // comments and acknowledgements
            case ADD_HOST_COMMENT -> comments.add(host(a), a.subList(1, 4), c);
            case ADD_SVC_COMMENT -> comments.add(service(a), a.subList(2, 5), c);
            case DEL_HOST_COMMENT, DEL_SVC_COMMENT -> comments.delete(a.get(0),
                    c.type() == CommandType.DEL_HOST_COMMENT);
            case DEL_ALL_HOST_COMMENTS -> comments.deleteAll(host(a));
            case DEL_ALL_SVC_COMMENTS -> comments.deleteAll(service(a));
            case ACKNOWLEDGE_HOST_PROBLEM -> comments.acknowledge(host(a), a.subList(1, 6));
            case ACKNOWLEDGE_SVC_PROBLEM -> comments.acknowledge(service(a), a.subList(2, 7));
            case ACKNOWLEDGE_HOST_PROBLEM_EXPIRE -> comments.acknowledge(host(a), a.subList(1, 7));
            case ACKNOWLEDGE_SVC_PROBLEM_EXPIRE -> comments.acknowledge(service(a), a.subList(2, 8));
            case REMOVE_HOST_ACKNOWLEDGEMENT -> comments.removeAcknowledgement(host(a));
            case REMOVE_SVC_ACKNOWLEDGEMENT -> comments.removeAcknowledgement(service(a));
            case SEND_CUSTOM_HOST_NOTIFICATION -> done(() -> engine.sendCustomNotification(host(a),
                    (int) code(a.get(1)), a.get(2), a.get(3)));
            case SEND_CUSTOM_SVC_NOTIFICATION -> done(() -> engine.sendCustomNotification(service(a),
                    (int) code(a.get(2)), a.get(3), a.get(4)));
            case CUSTOM -> Optional.empty();
            // passive checks, check execution and event handlers
            case ENABLE_PASSIVE_HOST_CHECKS, DISABLE_PASSIVE_HOST_CHECKS -> done(() -> o.setPassiveChecksEnabled(
                    host(a), c.type() == CommandType.ENABLE_PASSIVE_HOST_CHECKS));
            case START_ACCEPTING_PASSIVE_SVC_CHECKS, STOP_ACCEPTING_PASSIVE_SVC_CHECKS -> done(() -> engine.switches()
                    .setAcceptPassiveServiceChecks(c.type() == CommandType.START_ACCEPTING_PASSIVE_SVC_CHECKS));
            case START_ACCEPTING_PASSIVE_HOST_CHECKS, STOP_ACCEPTING_PASSIVE_HOST_CHECKS -> done(() -> engine.switches()
                    .setAcceptPassiveHostChecks(c.type() == CommandType.START_ACCEPTING_PASSIVE_HOST_CHECKS));
            case START_EXECUTING_SVC_CHECKS, STOP_EXECUTING_SVC_CHECKS -> done(() -> engine.switches()
                    .setExecuteServiceChecks(
                    c.type() == CommandType.START_EXECUTING_SVC_CHECKS));
            case START_EXECUTING_HOST_CHECKS, STOP_EXECUTING_HOST_CHECKS -> done(() -> engine.switches()
                    .setExecuteHostChecks(
                    c.type() == CommandType.START_EXECUTING_HOST_CHECKS));
            case ENABLE_HOST_SVC_CHECKS, DISABLE_HOST_SVC_CHECKS -> done(() -> servicesOf(host(a).hostName())
                    .forEach(t -> o.setActiveChecksEnabled(t, c.type() == CommandType.ENABLE_HOST_SVC_CHECKS)));
            case ENABLE_HOST_SVC_NOTIFICATIONS, DISABLE_HOST_SVC_NOTIFICATIONS -> done(() -> servicesOf(
                    host(a).hostName()).forEach(t -> o.setNotificationsEnabled(t,
                    c.type() == CommandType.ENABLE_HOST_SVC_NOTIFICATIONS)));
            case ENABLE_HOSTGROUP_SVC_CHECKS, DISABLE_HOSTGROUP_SVC_CHECKS -> done(() -> engine.model().hostGroups()
                    .get(a.get(0)).members().forEach(h -> servicesOf(h).forEach(t -> o.setActiveChecksEnabled(t,
                            c.type() == CommandType.ENABLE_HOSTGROUP_SVC_CHECKS))));
            case ENABLE_SERVICEGROUP_SVC_CHECKS, DISABLE_SERVICEGROUP_SVC_CHECKS -> done(() -> engine.model()
                    .serviceGroups().get(a.get(0)).members().forEach(k -> engine.serviceTarget(k).ifPresent(t -> engine
                            .objectSwitches().setActiveChecksEnabled(t,
                                    c.type() == CommandType.ENABLE_SERVICEGROUP_SVC_CHECKS))));
            case ENABLE_EVENT_HANDLERS, DISABLE_EVENT_HANDLERS -> done(() -> engine.switches().setEventHandlersEnabled(
                    c.type() == CommandType.ENABLE_EVENT_HANDLERS));
            case ENABLE_SVC_EVENT_HANDLER, DISABLE_SVC_EVENT_HANDLER -> done(() -> o.setEventHandlerEnabled(
                    service(a), c.type() == CommandType.ENABLE_SVC_EVENT_HANDLER));
            case ENABLE_HOST_EVENT_HANDLER, DISABLE_HOST_EVENT_HANDLER -> done(() -> o.setEventHandlerEnabled(
                    host(a), c.type() == CommandType.ENABLE_HOST_EVENT_HANDLER));
            case ENABLE_PERFORMANCE_DATA, DISABLE_PERFORMANCE_DATA, START_OBSESSING_OVER_SVC_CHECKS,
                    STOP_OBSESSING_OVER_SVC_CHECKS, START_OBSESSING_OVER_HOST_CHECKS, STOP_OBSESSING_OVER_HOST_CHECKS ->
                    done(() -> FeedCommands.program(engine.switches(), c.type()));
            case START_OBSESSING_OVER_SVC, STOP_OBSESSING_OVER_SVC -> done(() -> o.setObsess(service(a),
                    c.type() == CommandType.START_OBSESSING_OVER_SVC));
            case START_OBSESSING_OVER_HOST, STOP_OBSESSING_OVER_HOST -> done(() -> o.setObsess(host(a),
                    c.type() == CommandType.START_OBSESSING_OVER_HOST));
        };
    }

    /**
     * A passive result through the state machine. Its check time is the entry time, as in Nagios; the output
     * is split as a plugin's, with {@code \n} written as two characters starting the long output.
     */
    private Optional<String> passive(CheckTarget target, ExternalCommand c, Verdict state, String output) {
        Instant now = clock.instant();
        PluginOutput out = PluginOutput.parse(output.replace("\\n", "\n"), "");
        double latency = Math.max(0, Duration.between(c.submitted(), now).toMillis() / 1000.0);
        CheckOutcome outcome = new CheckOutcome(state, out.text().isEmpty() ? null : out.text(),
                emptyToNull(out.longText()), emptyToNull(out.perfData()), c.submitted(), c.submitted(),
                CheckType.PASSIVE, latency);
        if (!engine.submitResult(target, outcome)) {
            String what = target.isHost() ? "host '" + target.hostName() + "'"
                    : "service '" + target.service().description() + "' on host '" + target.hostName() + "'";
            return Optional.of("passive results are not accepted for " + what + " (its passive_checks_enabled or "
                    + "accept_passive_" + (target.isHost() ? "host" : "service") + "_checks is off)");
        }
        return Optional.empty();
    }

    private Optional<String> schedule(List<CheckTarget> targets, Instant at, boolean forced) {
        targets.forEach(t -> engine.scheduleCheck(t, at, forced));
        return Optional.empty();
    }

    private static Optional<String> done(Runnable change) {
        change.run();
        return Optional.empty();
    }

    private CheckTarget host(List<String> a) {
        String name = a.get(0);
        return engine.hostTarget(name).or(() -> engine.model().hosts().values().stream()
                .filter(h -> name.equals(h.address())).findFirst().flatMap(h -> engine.hostTarget(h.name())))
                .orElseThrow();
    }

    private CheckTarget service(List<String> a) {
        String host = host(a).hostName();
        return engine.serviceTarget(new ServiceKey(host, a.get(1))).orElseThrow();
    }

    private List<CheckTarget> servicesOf(String host) {
        return engine.model().services().keySet().stream().filter(k -> k.hostName().equals(host))
                .map(k -> engine.serviceTarget(k).orElseThrow()).toList();
    }

    /** A passive service result's state: a code outside 0-3 is UNKNOWN, as Nagios takes it. */
    private static ServiceState serviceState(String s) {
        long code = code(s);
        return code >= 0 && code <= 3 ? ServiceState.ofCode((int) code) : ServiceState.UNKNOWN;
    }

    /** A host result's state: the parser has checked it is 0-2, as Nagios does. */
    private static long code(String s) {
        return Long.parseLong(s.strip());
    }

    private static Instant time(String s) {
        return Instant.ofEpochSecond(Long.parseLong(s.strip()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
