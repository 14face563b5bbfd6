package org.vigil.web.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.vigil.engine.command.EntryLimits;
import org.vigil.web.auth.AuthLimitsConfig;
import org.vigil.web.auth.UserConfig;

/**
 * The web server's settings ({@code vigil run --web-config vigil.yml}, Dropwizard's YAML). Without a file the
 * defaults serve http://127.0.0.1:8080 and the admin port 127.0.0.1:8081 without authentication, log warnings to
 * stderr (stdout is the Nagios log) and write no request log.
 */
public class VigilConfiguration extends Configuration {

    /** {@code auth:} users allowed in; none means no authentication (only on a loopback binding). */
    public static final class Auth {
        @Valid
        @JsonProperty
        public List<UserConfig> users = new ArrayList<>();

        /** {@code auth.throttle:} the login throttle's limits. */
        @Valid
        @JsonProperty
        public AuthLimitsConfig.Throttle throttle = new AuthLimitsConfig.Throttle();

        /** {@code auth.credential_cache:} verified basic credentials kept, so they are not hashed every request. */
        @Valid
        @JsonProperty("credential_cache")
        public AuthLimitsConfig.CredentialCache credentialCache = new AuthLimitsConfig.CredentialCache();

        /** {@code auth.password_checks:} password hashes made for everyone together, a second and at once. */
        @Valid
        @JsonProperty("password_checks")
        public AuthLimitsConfig.Checks passwordChecks = new AuthLimitsConfig.Checks();
    }

    /**
     * {@code health_checks:} thresholds of the admin health checks ({@code health:} is Dropwizard's own
     * {@code /health} endpoint setting, so these cannot live there).
     */
    public static final class Health {
        /** Above this 99th percentile of check latency, the latency health check fails. */
        @JsonProperty("max_latency_seconds")
        public double maxLatencySeconds = 30;

        /** A notification waiting longer than this in the outbox fails the outbox health check. */
        @JsonProperty("max_outbox_pending_seconds")
        public long maxOutboxPendingSeconds = 600;
    }

    /**
     * {@code limits:} the size of requests the web server reads (headers: Dropwizard's connector settings), and how
     * many comments and downtimes commands may add, whichever way they arrive (the engine's {@code EntryLimits}).
     */
    public static final class Limits {
        /** A request body larger than this is refused with a 413 before it is read. */
        @JsonProperty("max_request_body_bytes")
        @jakarta.validation.constraints.Min(4096)
        @jakarta.validation.constraints.Max(64L << 20)
        public long maxRequestBodyBytes = 256 << 10;

        /** User and acknowledgement comments one host or service may hold. */
        @JsonProperty("max_comments_per_object")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(1_000_000)
        public int maxCommentsPerObject = EntryLimits.DEFAULTS.commentsPerObject();

        /** User and acknowledgement comments of all objects together. */
        @JsonProperty("max_comments")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(10_000_000)
        public int maxComments = EntryLimits.DEFAULTS.comments();

        /** Downtimes one host or service may have. */
        @JsonProperty("max_downtimes_per_object")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(1_000_000)
        public int maxDowntimesPerObject = EntryLimits.DEFAULTS.downtimesPerObject();

        /** Downtimes of all objects together. */
        @JsonProperty("max_downtimes")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(10_000_000)
        public int maxDowntimes = EntryLimits.DEFAULTS.downtimes();

        /** The engine's limits on comments and downtimes these settings give. */
        public EntryLimits entries() {
            return new EntryLimits(maxCommentsPerObject, maxComments, maxDowntimesPerObject, maxDowntimes);
        }
    }

    /** {@code pages:} the status pages. */
    public static final class PagesConfig {
        /** How often a status page reloads itself (Nagios's cgi.cfg {@code refresh_rate}); 0: never. */
        @JsonProperty("refresh_seconds")
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(86_400)
        public int refreshSeconds = org.vigil.web.pages.Pages.REFRESH_SECONDS;

        /**
         * How many days of log archives (by their time of last change) the history index keeps parsed in memory
         * for the availability reports and timelines; older ones are read from their files when a report asks.
         */
        @JsonProperty("history_index_days")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(3660)
        public int historyIndexDays = (int) org.vigil.web.history.HistoryIndex.DEFAULT_SPAN.toDays();
    }

    @Valid
    @JsonProperty
    public Auth auth = new Auth();

    @Valid
    @JsonProperty
    public PagesConfig pages = new PagesConfig();

    @Valid
    @JsonProperty
    public Limits limits = new Limits();

    @Valid
    @JsonProperty("health_checks")
    public Health healthChecks = new Health();

    /** {@code nagios_config:} the main Nagios config, relative to this file's directory; or the command line's. */
    @JsonProperty("nagios_config")
    public String nagiosConfig;

    /** {@code database:} retention and the notification outbox (default: embedded H2 files, as without YAML). */
    @Valid
    @JsonProperty
    public DatabaseConfig database = new DatabaseConfig();

    /** {@code notifications:} the built-in channels; absent: {@code VIGIL_NOTIFY_CONFIG}'s file, if any. */
    @Valid
    @JsonProperty
    public NotificationsConfig notifications;

    /** {@code receivers:} the pagers' webhooks (PagerDuty, Opsgenie) Vigil accepts; all off by default. */
    @Valid
    @JsonProperty
    public org.vigil.web.hooks.ReceiversConfig receivers = new org.vigil.web.hooks.ReceiversConfig();

    /** The YAML file these settings came from (null: the defaults); relative paths are read from its directory. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.nio.file.Path file;

    /** The directory relative paths in the YAML are read from (the working directory without a file). */
    public java.nio.file.Path baseDir() {
        return file == null ? java.nio.file.Path.of("").toAbsolutePath()
                : file.toAbsolutePath().normalize().getParent();
    }

    /**
     * What is wrong with the sections of parts outside the web layer, each naming its key; the application's
     * subclass, which reads those sections, says (none here).
     */
    public List<String> otherProblems() {
        return List.of();
    }

    /** {@code nagios_config}, resolved against {@link #baseDir}, if given. */
    public java.util.Optional<java.nio.file.Path> nagiosConfigPath() {
        return nagiosConfig == null || nagiosConfig.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(baseDir().resolve(nagiosConfig).normalize());
    }

    public VigilConfiguration() {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(http(8080)));
        server.setAdminConnectors(List.of(http(8081)));
        LogbackAccessRequestLogFactory requests = new LogbackAccessRequestLogFactory();
        requests.setAppenders(List.of());
        server.setRequestLogFactory(requests);
        setServerFactory(server);
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        logging.setLevel("WARN");
        ConsoleAppenderFactory<ILoggingEvent> console = new ConsoleAppenderFactory<>();
        console.setTarget(ConsoleAppenderFactory.ConsoleStream.STDERR);
        logging.setAppenders(List.of(console));
        setLoggingFactory(logging);
    }

    private static HttpConnectorFactory http(int port) {
        HttpConnectorFactory c = new HttpConnectorFactory();
        c.setPort(port);
        c.setBindHost("127.0.0.1");
        return c;
    }

    /** Sets the application and admin ports (0 picks free ones), keeping the rest; for tests and the CLI. */
    public VigilConfiguration withPorts(int app, int admin) {
        DefaultServerFactory server = (DefaultServerFactory) getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(app);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(admin);
        return this;
    }
}
