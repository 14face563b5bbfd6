package org.vigil.livestatus.table;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;
import org.vigil.livestatus.query.TableSet;

/**
 * Every Livestatus table Vigil answers: hosts, services, hostgroups, servicegroups, hostsbygroup, servicesbygroup,
 * servicesbyhostgroup, contacts, contactgroups, commands, timeperiods, comments, downtimes, log, statehist, status
 * and columns, with Naemon's column names, types and meanings. Rows come from the request's snapshot and the
 * resolved objects; the log and statehist tables read {@code log_file} and the archives in
 * {@code log_archive_path}.
 */
public final class LiveTables implements TableSet {

    /** What the tables read beyond the snapshot, from the main configuration. */
    public record Settings(Path logFile, Path logArchivePath, ZoneId zone, long intervalLength,
                           boolean checkExternalCommands) {
    }

    private final Settings settings;
    private final Map<String, Table<?>> tables = new LinkedHashMap<>();
    private final LogFiles logFiles;
    private volatile ModelIndex modelIndex;

    /** Tables without a log (the log and statehist tables are empty), in the system's zone. */
    public LiveTables() {
        this(new Settings(null, null, ZoneId.systemDefault(), 60, true));
    }

    /** Tables whose log and statehist tables read {@code logFile} and the archives in {@code logArchivePath}. */
    public LiveTables(Path logFile, Path logArchivePath) {
        this(new Settings(logFile, logArchivePath, ZoneId.systemDefault(), 60, true));
    }

    public LiveTables(Settings settings) {
        this.settings = settings;
        List<Column<HostRow>> hostColumns = HostColumns.all();
        List<Column<ServiceRow>> ownServiceColumns = ServiceColumns.own();
        List<Column<ServiceRow>> serviceColumns = ServiceColumns.all(hostColumns);
        GroupTables groups = new GroupTables(this);
        add(new SimpleTable<>("hosts", hostColumns, this::hostRows, (n, c) -> host(n, c)));
        add(new SimpleTable<>("services", serviceColumns, this::serviceRows, (n, c) -> service(n, c)));
        add(groups.hostGroups());
        add(groups.serviceGroups());
        ByGroupTables byGroup = new ByGroupTables(this);
        add(byGroup.hostsByGroup(hostColumns, GroupTables.hostGroupColumns()));
        add(byGroup.servicesByGroup(serviceColumns, GroupTables.serviceGroupColumns()));
        add(byGroup.servicesByHostGroup(serviceColumns, GroupTables.hostGroupColumns()));
        ObjectTables objects = new ObjectTables(this);
        add(objects.contacts());
        add(objects.contactGroups());
        add(objects.commands());
        add(objects.timeperiods());
        EntryTables entries = new EntryTables(this);
        add(entries.comments(hostColumns, ownServiceColumns));
        add(entries.downtimes(hostColumns, ownServiceColumns));
        LogTable log = new LogTable(this, settings.logFile(), settings.logArchivePath());
        this.logFiles = log.files();
        add(log.table(hostColumns, ownServiceColumns));
        add(new StateHistTable(this, log.files()).table(hostColumns, ownServiceColumns));
        add(StatusTable.table(new StatusTable.Settings(settings.intervalLength(), settings.checkExternalCommands())));
        add(ColumnsTable.table(this::all));
    }

    /**
     * Tables for the daemon of {@code main}: its {@code log_file} and {@code log_archive_path} (as Nagios resolves
     * them), time zone, {@code interval_length} and {@code check_external_commands}.
     */
    public static LiveTables of(MainConfig main) {
        long interval;
        try {
            interval = Long.parseLong(main.value("interval_length", "60").strip());
        } catch (NumberFormatException e) {
            interval = 60;
        }
        return new LiveTables(new Settings(main.path("log_file").orElse(null),
                main.path("log_archive_path").orElse(null), main.zone(), interval,
                main.flag("check_external_commands", true)));
    }

    @Override
    public Optional<Table<?>> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<Table<?>> all() {
        return Collections.unmodifiableCollection(tables.values());
    }

    /** What one request's rows share: its snapshot, its AuthUser's view, the configuration's indexes. */
    Scope scope(QueryContext ctx) {
        ObjectModel model = ctx.snapshot().model();
        ModelIndex index = modelIndex;
        if (index == null || index.model() != model) {
            index = new ModelIndex(model, settings.zone());
            modelIndex = index;
        }
        return new Scope(ctx, index, settings.intervalLength());
    }

    /** The log files the log and statehist tables read. */
    LogFiles logFiles() {
        return logFiles;
    }

    private void add(Table<?> t) {
        tables.put(t.name(), t);
    }

    private Iterable<HostRow> hostRows(QueryContext ctx) {
        Scope scope = scope(ctx);
        int[] at = scope.visibility().hostPositions(ctx.snapshot().hosts().size());
        return new Rows<>(at, scope::host);
    }

    private Iterable<ServiceRow> serviceRows(QueryContext ctx) {
        Scope scope = scope(ctx);
        int[] at = scope.visibility().servicePositions(ctx.snapshot().services().size());
        return new Rows<>(at, scope::service);
    }

    private Optional<HostRow> host(String name, QueryContext ctx) {
        Scope scope = scope(ctx);
        HostRow h = scope.host(name.strip());
        return h != null && scope.visibility().host(h.position()) ? Optional.of(h) : Optional.empty();
    }

    /** {@code host;description}, or {@code host description} (Livestatus accepts both in WaitObject). */
    private Optional<ServiceRow> service(String name, QueryContext ctx) {
        Scope scope = scope(ctx);
        String text = name.strip();
        int split = text.indexOf(';');
        if (split < 0) {
            split = text.indexOf(' ');
        }
        if (split < 0) {
            return Optional.empty();
        }
        ServiceRow s = scope.service(text.substring(0, split), text.substring(split + 1));
        return s != null && scope.visibility().service(s.position()) ? Optional.of(s) : Optional.empty();
    }
}
