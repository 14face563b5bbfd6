package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.command.ExternalCommand;
import org.vigil.engine.daemon.Daemon;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSource;
import org.vigil.model.StatusSnapshot;

/**
 * A real daemon on a small configuration (three hosts, six services, groups, contacts, custom variables, links,
 * a timeperiod that is never active), driven by external commands, and the tables read from its read model's
 * snapshots: what the tests check is what the engine holds.
 */
final class LiveFixture implements AutoCloseable {

    static final String OBJECTS = """
            define command {
                command_name check_dummy
                command_line /bin/true $ARG1$
            }
            define timeperiod {
                timeperiod_name 24x7
                alias           Always
                sunday 00:00-24:00
                monday 00:00-24:00
                tuesday 00:00-24:00
                wednesday 00:00-24:00
                thursday 00:00-24:00
                friday 00:00-24:00
                saturday 00:00-24:00
            }
            define timeperiod {
                timeperiod_name never
                alias           Never
            }
            define contact {
                contact_name alice
                alias Alice A.
                email alice@example.com
                host_notification_period 24x7
                service_notification_period never
                host_notification_commands check_dummy
                service_notification_commands check_dummy
                _TEAM web
            }
            define contact {
                contact_name bob
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contactgroup {
                contactgroup_name dba
                alias DBAs
                members bob
            }
            define hostgroup {
                hostgroup_name web
                alias Web servers
                members web1,web2
                notes_url http://wiki/web
            }
            define hostgroup {
                hostgroup_name all
                alias All
                members web1,web2,db1
            }
            define servicegroup {
                servicegroup_name ports
                alias Ports
                members web1,http,db1,pg
            }
            define host {
                name base-host
                register 0
                check_command check_dummy!host
                max_check_attempts 1
                active_checks_enabled 0
                check_period 24x7
                notification_period 24x7
            }
            define host {
                use base-host
                host_name web1
                alias Web one
                address 10.0.0.1
                contacts alice
                notes_url http://wiki/$HOSTNAME$/$HOSTADDRESS$
                icon_image web.png
                _RACK r1
                _owner ops
            }
            define host {
                use base-host
                host_name web2
                address 10.0.0.2
                parents web1
                contacts alice
            }
            define host {
                use base-host
                host_name db1
                address 10.0.0.3
                contact_groups dba
                notification_period never
            }
            define service {
                name base-service
                register 0
                check_command check_dummy!svc
                max_check_attempts 1
                active_checks_enabled 0
                check_period 24x7
                notification_period 24x7
            }
            define service {
                use base-service
                host_name web1,web2
                service_description http
                contacts alice
                action_url http://act/$HOSTNAME$/$SERVICEDESC$
                _PORT 80
            }
            define service {
                use base-service
                host_name web1,web2,db1
                service_description disk
            }
            define service {
                use base-service
                host_name db1
                service_description pg
                contact_groups dba
                check_period never
            }
            """;

    final Path dir;
    final LoadResult config;
    final Daemon daemon;
    final ReadModel model;
    final LiveTables tables;

    LiveFixture(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir.resolve("archives"));
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nlog_archive_path=" + dir.resolve("archives") + "\nretain_state_information=0\n"
                + "check_external_commands=1\ninterval_length=60\n");
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        this.config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        this.daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        daemon.start();
        this.model = new ReadModel(source(daemon), Clock.systemUTC(), Duration.ofSeconds(1));
        this.tables = LiveTables.of(config.mainConfig());
    }

    /** Runs one external command as the command file would. */
    void call(CommandType type, String... args) {
        Optional<?> error = daemon.commands().call(ExternalCommand.of(type, Instant.now(), args));
        assertThat(error).as(type + " " + List.of(args)).isEmpty();
    }

    StatusSnapshot snapshot() {
        return model.fresh();
    }

    QueryContext context() {
        return new QueryContext(snapshot(), Optional.empty());
    }

    QueryContext context(String authUser) {
        return new QueryContext(snapshot(), Optional.of(authUser));
    }

    /** Every row of {@code table} as column name to value. */
    List<Map<String, Object>> rows(String table, QueryContext ctx) {
        Table<?> t = tables.table(table).orElseThrow();
        return rows(t, ctx);
    }

    List<Map<String, Object>> rows(String table) {
        return rows(table, context());
    }

    /** The row of {@code table} whose {@code key} column is {@code value}. */
    Map<String, Object> row(String table, String key, Object value) {
        return rows(table).stream().filter(r -> value.equals(r.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + table + " with " + key + " = " + value));
    }

    /** The service row of {@code host;description}. */
    Map<String, Object> service(String host, String description) {
        return rows("services").stream().filter(r -> host.equals(r.get("host_name"))
                && description.equals(r.get("description"))).findFirst().orElseThrow();
    }

    static <R> List<Map<String, Object>> rows(Table<R> t, QueryContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (R row : t.rows(ctx)) {
            out.add(values(t, row));
        }
        return out;
    }

    static <R> Map<String, Object> values(Table<R> t, R row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<R> c : t.columns()) {
            m.put(c.name(), c.value(row));
        }
        return m;
    }

    @Override
    public void close() {
        daemon.close();
    }

    private static StatusSource source(Daemon daemon) {
        return new StatusSource() {
            @Override
            public Engine engine() {
                return daemon.engine();
            }

            @Override
            public Instant started() {
                return daemon.started();
            }

            @Override
            public List<String> lastRejectedReloadErrors() {
                return new ArrayList<>();
            }
        };
    }
}
