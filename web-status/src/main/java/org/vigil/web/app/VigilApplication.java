package org.vigil.web.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.views.common.ViewBundle;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vigil.web.api.ActionResource;
import org.vigil.web.api.CommandRunner;
import org.vigil.web.api.ErrorMappers;
import org.vigil.web.api.LogResource;
import org.vigil.web.api.StatusResource;
import org.vigil.web.auth.BasicAuthFilter;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.LoginTokens;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.PasswordChecks;
import org.vigil.web.auth.PasswordHash;
import org.vigil.web.auth.Users;
import org.vigil.web.auth.VerifiedCredentials;
import org.vigil.web.model.Monitor;
import org.vigil.model.ReadModel;
import org.vigil.web.pages.ActionsResource;
import org.vigil.web.pages.ErrorPages;
import org.vigil.web.pages.LoginResource;
import org.vigil.web.pages.LogoutResource;
import org.vigil.web.pages.Pages;
import org.vigil.web.pages.PagesResource;

/**
 * The web application: wires the read model, the JSON API, authentication, health checks and the Prometheus
 * metrics onto Dropwizard. It runs inside {@code vigil run}, beside the engine ({@link WebServer#start}).
 */
public final class VigilApplication extends Application<VigilConfiguration> {

    /** How long one snapshot of the engine serves requests. */
    static final Duration SNAPSHOT_MAX_AGE = Monitor.SNAPSHOT_MAX_AGE;

    private final Monitor monitor;
    private final Clock clock;
    private ReadModel reader;

    public VigilApplication(Monitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "vigil";
    }

    /** The read model, for the pages built on this application. Set once {@link #run} has run. */
    public ReadModel reader() {
        return reader;
    }

    @Override
    public void initialize(Bootstrap<VigilConfiguration> bootstrap) {
        // Freemarker 2.3.33+ reads records' accessors as properties (ctx.user.name); .ftlh escapes HTML
        bootstrap.addBundle(new ViewBundle<>(List.of(new FreemarkerViewRenderer(freemarker.template.Configuration.VERSION_2_3_34))) {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(VigilConfiguration config) {
                // a template error fails the request (an error page), never Freemarker's debug trace in the HTML
                return Map.of("freemarker", Map.of("template_exception_handler", "rethrow"));
            }
        });
        bootstrap.addBundle(new AssetsBundle("/static", "/static", null, "static"));
    }

    @Override
    public void run(VigilConfiguration config, Environment env) {
        env.getObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        reader = monitor.readModel().orElseGet(() -> new ReadModel(monitor, clock, SNAPSHOT_MAX_AGE));
        Users users = new Users(config.auth.users,
                new VerifiedCredentials(clock, config.auth.credentialCache.limits()), PasswordHash::verify,
                new PasswordChecks(clock, config.auth.passwordChecks.limits()));
        Sessions sessions = new Sessions(clock, Sessions.DEFAULT_IDLE);
        // one for the form and basic auth: failures add up per address and name
        LoginThrottle throttle = new LoginThrottle(clock, config.auth.throttle.limits());
        env.jersey().register(new org.vigil.web.api.BodyLimit(config.limits.maxRequestBodyBytes));
        // Jersey reads form bodies itself (BodyLimit bounds them); should a servlet part parse one, the same bounds
        env.getApplicationContext().setMaxFormContentSize((int) Math.max(config.limits.maxRequestBodyBytes,
                org.vigil.web.api.BodyLimit.ACTION_FORM_BYTES));
        env.getApplicationContext().setMaxFormKeys(2 * org.vigil.web.pages.ActionsResource.MAX_TARGETS);
        env.jersey().register(new BasicAuthFilter(users, sessions, throttle));
        env.jersey().register(new StatusResource(reader));
        CommandRunner commands = new CommandRunner(monitor, reader, clock);
        ActionResource actions = new ActionResource(commands, clock);
        env.jersey().register(actions);
        env.jersey().register(new LogResource(monitor, reader));
        env.jersey().register(new org.vigil.web.api.SweepResource(monitor, reader));
        env.jersey().register(new org.vigil.web.api.GearmanResource(monitor.gearman()));
        env.jersey().register(new org.vigil.web.api.PerfdataResource(reader, monitor.perfdata(), clock));
        Pages pages = new Pages(reader, users.enabled(), monitor.gearman(), config.pages.refreshSeconds);
        env.jersey().register(new org.vigil.web.pages.GearmanPage(pages));
        env.jersey().register(new PagesResource(pages));
        org.vigil.web.search.Search search = new org.vigil.web.search.Search();
        env.jersey().register(new org.vigil.web.pages.SearchApi(pages, search));
        env.jersey().register(new org.vigil.web.pages.SearchPage(pages, search));
        env.jersey().register(new org.vigil.web.pages.StatusSummary(pages));
        // outside Jersey, so outside the login: the login page asks for the icon too, and it shows no status
        env.servlets().addServlet("favicon", new FaviconServlet()).addMapping("/favicon.ico", "/favicon.svg");
        // outside Jersey too: the pagers authenticate by their signature or token, not as the pages' users
        org.vigil.web.hooks.Receivers receivers = org.vigil.web.hooks.Receivers.of(config.receivers, monitor, reader,
                commands, clock);
        env.servlets().addServlet("receivers", receivers.servlet()).addMapping("/hooks/*");
        org.vigil.web.pages.DetailPages.resources(pages, monitor,
                java.time.Duration.ofDays(config.pages.historyIndexDays)).forEach(env.jersey()::register);
        org.vigil.web.pages.Lists.resources(pages).forEach(env.jersey()::register);
        env.jersey().register(new LoginResource(users, sessions, throttle, new LoginTokens(clock)));
        env.jersey().register(new LogoutResource(sessions));
        env.jersey().register(new ActionsResource(pages, actions, clock));
        // forged email links count in a table of their own, with the login's limits
        env.jersey().register(new org.vigil.web.pages.EmailActionResource(pages, monitor,
                new LoginThrottle(clock, config.auth.throttle.limits()), clock));
        env.jersey().register(new org.vigil.web.pages.FormContentType());
        ErrorMappers.all(new ErrorPages(pages)).forEach(env.jersey()::register);
        env.healthChecks().register("engine", EngineHealthChecks.engine(monitor));
        env.healthChecks().register("check-latency", EngineHealthChecks.latency(monitor,
                config.healthChecks.maxLatencySeconds));
        env.healthChecks().register("retention", EngineHealthChecks.retention(monitor));
        env.healthChecks().register("status-file", EngineHealthChecks.statusFile(monitor));
        env.healthChecks().register("command-file", EngineHealthChecks.commandFile(monitor));
        env.healthChecks().register("notification-outbox", EngineHealthChecks.outbox(monitor,
                Duration.ofSeconds(config.healthChecks.maxOutboxPendingSeconds), clock));
        env.admin().addServlet("prometheus", new PrometheusServlet(reader, out -> {
            monitor.metricsSource().appendPrometheus(out);
            monitor.gearman().ifPresent(g -> GearmanMetrics.append(g.get(), out));
            receivers.appendPrometheus(out);
        }))
                .addMapping("/metrics");
    }

    /** Our mappers answer every error in the API's JSON shape, so Dropwizard's are off. */
    static void useOwnErrorMappers(VigilConfiguration config) {
        if (config.getServerFactory() instanceof DefaultServerFactory f) {
            f.setRegisterDefaultExceptionMappers(false);
        }
    }
}
