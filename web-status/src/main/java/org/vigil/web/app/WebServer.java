package org.vigil.web.app;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.auth.UserConfig;
import org.vigil.web.model.Monitor;
import org.vigil.model.ReadModel;

/**
 * The web server inside {@code vigil run}: Dropwizard's application started programmatically (what its
 * {@code server} command does, without its CLI or {@code System.exit}), so it shares the process and the engine.
 */
public final class WebServer implements AutoCloseable {

    /** The largest {@code vigil.yml} read. */
    public static final long MAX_YAML_BYTES = 1L << 20;

    /** How long a request made while the monitor starts waits for it before it is answered 503. */
    static final Duration STARTING_PATIENCE = Duration.ofSeconds(60);

    private final Server server;
    private final VigilApplication app;

    private WebServer(Server server, VigilApplication app) {
        this.server = server;
        this.app = app;
    }

    /**
     * The settings in {@code yaml}, or the defaults; every problem is in the exception's message. {@code ${VAR}}
     * in the file is replaced by the environment variable (an unset one stays as written; {@code ${VAR:-default}}
     * gives a default), so passwords can stay out of the file.
     */
    public static VigilConfiguration configuration(Path yaml) throws IOException, ConfigurationException {
        return configuration(yaml, VigilConfiguration.class);
    }

    /**
     * The same, read as {@code type}: the application (vigil-app) adds the sections of parts the web layer does
     * not know (the metric writers' {@code metric_writers:}) in a subclass, and its {@link
     * VigilConfiguration#otherProblems} are reported with the others.
     */
    public static <C extends VigilConfiguration> C configuration(Path yaml, Class<C> type)
            throws IOException, ConfigurationException {
        C config;
        if (yaml == null) {
            try {
                config = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type + " has no public constructor without arguments", e);
            }
        } else {
            try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
                config = new DefaultConfigurationFactoryFactory<C>()
                        .create(type, validators.getValidator(), Jackson.newObjectMapper(), "dw")
                        .build(new io.dropwizard.configuration.SubstitutingSourceProvider(
                                path -> org.vigil.config.main.BoundedInput.open(Path.of(path), MAX_YAML_BYTES),
                                new io.dropwizard.configuration.EnvironmentVariableSubstitutor(false)),
                                yaml.toString());
            }
            config.file = yaml;
        }
        keepStdoutForTheNagiosLog(config);
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(yaml == null ? "defaults" : yaml.toString(), problems) {
                private static final long serialVersionUID = 1L;
            };
        }
        return config;
    }

    /**
     * stdout carries the Nagios log: a request log to the console (Dropwizard's default whenever {@code server:}
     * is given) is dropped; request logs to files are kept.
     */
    static void keepStdoutForTheNagiosLog(VigilConfiguration config) {
        if (config.getServerFactory() instanceof DefaultServerFactory f
                && f.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory r) {
            r.setAppenders(r.getAppenders().stream().filter(a -> !(a instanceof ConsoleAppenderFactory<?>)).toList());
        }
    }

    /** What Dropwizard's validation does not see: password hashes, and no open port without authentication. */
    static List<String> problems(VigilConfiguration config) {
        List<String> out = new ArrayList<>(config.database.problems());
        out.addAll(config.otherProblems());
        out.addAll(config.receivers.problems());
        for (UserConfig u : config.auth.users) {
            if (u.name == null || u.name.isBlank() || u.name.contains(":")) {
                out.add("auth.users: every user needs a name without ':'");
            } else if (!PasswordHash.isHash(u.passwordHash)) {
                out.add("auth.users." + u.name + ".password_hash: not a hash from 'vigil hash-password'"
                        + " (expected pbkdf2-sha256:ITERATIONS:SALT:HASH)");
            }
        }
        if (config.auth.users.isEmpty() && config.getServerFactory() instanceof DefaultServerFactory f) {
            for (ConnectorFactory c : f.getApplicationConnectors()) {
                if (c instanceof HttpConnectorFactory h && !loopback(h.getBindHost())) {
                    out.add("server.applicationConnectors: bindHost " + (h.getBindHost() == null ? "(all addresses)"
                            : h.getBindHost()) + " is not a loopback address, so auth.users must list users");
                }
            }
        }
        return out;
    }

    private static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Starts serving; the engine is read through {@code monitor} at each request. */
    public static WebServer start(Monitor monitor, VigilConfiguration config, Clock clock) throws Exception {
        return start(monitor, config, clock, CompletableFuture.completedFuture(null));
    }

    /**
     * Starts serving at once, but holds every request until {@code started} completes (the monitor has restored
     * its retained state and runs): the web server's own start-up then overlaps the monitor's.
     */
    public static WebServer start(Monitor monitor, VigilConfiguration config, Clock clock,
                                  CompletableFuture<?> started) throws Exception {
        VigilApplication app = new VigilApplication(monitor, clock);
        Bootstrap<VigilConfiguration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        config.getLoggingFactory().configure(bootstrap.getMetricRegistry(), app.getName());
        VigilApplication.useOwnErrorMappers(config);
        Environment env = new Environment(app.getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), config);
        config.getMetricsFactory().configure(env.lifecycle(), bootstrap.getMetricRegistry());
        config.getServerFactory().configure(env);
        EncodedSlashes.allowInApi(config, env);
        bootstrap.run(config, env);
        app.run(config, env);
        StartGate gate = new StartGate(started, STARTING_PATIENCE);
        env.servlets().addFilter("vigil-start-gate", gate)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.admin().addFilter("vigil-start-gate", gate)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        Server server = config.getServerFactory().build(env);
        // vigil run's shutdown hook stops the web server before the engine; Jetty's own hook would race it
        // (and log "Unable to destroy: STARTED" with a stack trace on every SIGTERM).
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new WebServer(server, app);
    }

    /** The port the API and pages are served on (the first application connector). */
    public int port() {
        return localPort(0);
    }

    /** The admin port: health checks and metrics. */
    public int adminPort() {
        return localPort(1);
    }

    private int localPort(int index) {
        List<Integer> ports = new ArrayList<>();
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector s) {
                ports.add(s.getLocalPort());
            }
        }
        return ports.get(index);
    }

    /** The read model the pages share with the API. */
    public ReadModel reader() {
        return app.reader();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
