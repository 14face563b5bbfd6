package org.vigil.livestatus.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;
import org.vigil.model.StatusSource;

/**
 * What the query tests answer from: small tables of their own (the language knows no real table) and a real
 * snapshot for the {@link QueryContext}, made once from a one-host configuration.
 */
final class Fixtures {

    private static QueryContext context;

    private Fixtures() {
    }

    /** One row of the test table {@code items}. */
    record Item(String name, long state, double latency, long lastCheck, List<Object> groups,
                Map<String, String> customVariables, List<Object> commentsWithInfo) {
    }

    static Item item(String name, long state, double latency, long lastCheck, List<Object> groups,
                     Map<String, String> vars) {
        return new Item(name, state, latency, lastCheck, groups, vars, List.of());
    }

    /** The table {@code items} over {@code rows}; {@code object} finds a row by name. */
    static Table<Item> items(List<Item> rows) {
        List<Column<Item>> columns = List.of(
                new Column<>("name", ColumnType.STRING, "The name", Item::name),
                new Column<>("state", ColumnType.INT, "The state", Item::state),
                new Column<>("latency", ColumnType.FLOAT, "The latency", Item::latency),
                new Column<>("last_check", ColumnType.TIME, "The last check", Item::lastCheck),
                new Column<>("groups", ColumnType.LIST, "The groups", Item::groups),
                new Column<>("custom_variables", ColumnType.DICT, "The custom variables", Item::customVariables),
                new Column<>("comments_with_info", ColumnType.LIST, "The comments", Item::commentsWithInfo));
        return new Table<>() {
            @Override
            public String name() {
                return "items";
            }

            @Override
            public List<Column<Item>> columns() {
                return columns;
            }

            @Override
            public Iterable<Item> rows(QueryContext ctx) {
                return rows;
            }

            @Override
            public Optional<Item> object(String name, QueryContext ctx) {
                return rows.stream().filter(i -> i.name().equals(name)).findFirst();
            }
        };
    }

    static TableSet tables(Table<?>... tables) {
        Map<String, Table<?>> byName = new LinkedHashMap<>();
        for (Table<?> t : tables) {
            byName.put(t.name(), t);
        }
        return new TableSet() {
            @Override
            public Optional<Table<?>> table(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public Collection<Table<?>> all() {
                return new ArrayList<>(byName.values());
            }
        };
    }

    static Map<String, String> vars(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A context over a real (one-host) snapshot, made once. */
    static synchronized QueryContext context() {
        if (context == null) {
            context = new QueryContext(snapshot(), Optional.empty());
        }
        return context;
    }

    /** The answer to {@code request} over {@code tables} as text. */
    static String answer(TableSet tables, String request) throws LivestatusError {
        return new String(Queries.answer(Request.parse(request), tables, context()), StandardCharsets.UTF_8);
    }

    private static StatusSnapshot snapshot() {
        try {
            Path dir = Files.createTempDirectory("livestatus-query");
            Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                    + "\nretain_state_information=0\ncheck_external_commands=0\n");
            Files.writeString(dir.resolve("objects.cfg"), """
                    define command {
                        command_name check_dummy
                        command_line /bin/true
                    }
                    define timeperiod {
                        timeperiod_name 24x7
                        alias Always
                        sunday 00:00-24:00
                        monday 00:00-24:00
                        tuesday 00:00-24:00
                        wednesday 00:00-24:00
                        thursday 00:00-24:00
                        friday 00:00-24:00
                        saturday 00:00-24:00
                    }
                    define contact {
                        contact_name alice
                        host_notification_period 24x7
                        service_notification_period 24x7
                        host_notification_commands check_dummy
                        service_notification_commands check_dummy
                    }
                    define host {
                        host_name h1
                        check_command check_dummy
                        max_check_attempts 1
                        active_checks_enabled 0
                        contacts alice
                    }
                    define service {
                        host_name h1
                        service_description s1
                        check_command check_dummy
                        max_check_attempts 1
                        check_interval 5
                        retry_interval 1
                        check_period 24x7
                        notification_period 24x7
                        active_checks_enabled 0
                        contacts alice
                    }
                    """);
            LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
            if (!config.ok()) {
                throw new IllegalStateException(config.diagnostics().all().toString());
            }
            try (Daemon daemon = new Daemon(config, Clock.systemUTC(),
                    new PrintStream(PrintStream.nullOutputStream()))) {
                daemon.start();
                return new ReadModel(source(daemon), Clock.systemUTC(), Duration.ofSeconds(1)).fresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                return List.of();
            }
        };
    }
}
