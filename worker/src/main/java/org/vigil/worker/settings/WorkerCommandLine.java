package org.vigil.worker.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.worker.conf.WorkerConfKeys;
import org.vigil.worker.conf.WorkerConfReader;

/**
 * Reads {@code vigil worker}'s options and the {@code worker.conf} files they name into {@link WorkerSettings}.
 *
 * <p>Options: {@code --server host:port}, {@code --key-file F}, {@code --key K}, {@code --encryption yes|no},
 * {@code --hostgroups a,b}, {@code --servicegroups a,b}, {@code --hosts}, {@code --services},
 * {@code --eventhandler}, {@code --notifications}, {@code --identifier N}, {@code --min-worker N},
 * {@code --max-worker N}, {@code --job-timeout N}, {@code --config F}; any other mod_gearman worker option is
 * accepted as {@code --name=value} as its worker accepts it. A value follows its option or {@code =}; a flag alone
 * means yes.
 *
 * <p>The command line overrides the files whatever the order: a single value replaces the file's; servers given on
 * the command line replace the file's servers; a key given on the command line is used even where the file names
 * a key file (which otherwise wins, as in mod_gearman); and a command line naming any queue ({@code --hosts},
 * {@code --hostgroups}...) replaces every queue the file named, so {@code --hostgroups web} serves only that group.
 */
public final class WorkerCommandLine {

    private static final String WHERE = "vigil worker";
    private static final Map<String, String> VIGIL_NAMES = Map.of("key-file", "keyfile", "job-timeout",
            "job_timeout", "key_file", "keyfile");

    private WorkerCommandLine() {
    }

    /**
     * The settings {@code args} and the files they name give; {@code hostName} is the identifier when none is given.
     *
     * @throws WorkerSettingsException with every problem, one line each
     */
    public static WorkerSettings parse(List<String> args, String hostName) {
        SettingsDraft draft = new SettingsDraft();
        List<String[]> options = options(args, draft);
        List<String> configs = new ArrayList<>();
        boolean servers = false;
        boolean queues = false;
        boolean key = false;
        for (String[] o : options) {
            String name = WorkerConfKeys.canonical(o[1]);
            if (name.equals("config")) {
                configs.add(o[2]);
            }
            servers |= name.equals("server");
            key |= name.equals("key");
            queues |= List.of("hosts", "services", "eventhandler", "notifications", "hostgroups", "servicegroups")
                    .contains(name);
        }
        WorkerConfReader reader = new WorkerConfReader(draft);
        for (String config : configs) {
            reader.read(WHERE + ": --config", Path.of(config));
        }
        if (servers) {
            draft.clearServers();
        }
        if (queues) {
            draft.clearQueues();
        }
        if (key) {
            draft.clearKeyFile();
        }
        for (String[] o : options) {
            if (!WorkerConfKeys.canonical(o[1]).equals("config")) {
                draft.apply(o[0], o[1], o[2]);
            }
        }
        return draft.build(configs.isEmpty() ? WHERE : configs.get(0), hostName);
    }

    /** Each option as {where, name, value-or-null}, with Vigil's spellings turned into mod_gearman's. */
    private static List<String[]> options(List<String> args, SettingsDraft draft) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                draft.error(WHERE, "unexpected argument '" + arg + "' (expected options such as --server host:4730)");
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq >= 0 ? arg.substring(2, eq) : arg.substring(2);
            String value = eq >= 0 ? arg.substring(eq + 1) : null;
            name = VIGIL_NAMES.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name);
            WorkerConfKeys.Kind kind = WorkerConfKeys.kind(WorkerConfKeys.canonical(name));
            if (value == null && kind == WorkerConfKeys.Kind.BOOLEAN && i + 1 < args.size()
                    && SettingsDraft.bool(args.get(i + 1)) != null) {
                value = args.get(++i);
            } else if (value == null && kind != null && kind != WorkerConfKeys.Kind.BOOLEAN) {
                if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    draft.error(WHERE, "--" + name + ": expected a value after it");
                    continue;
                }
            }
            out.add(new String[] {WHERE + ": --" + name, name, value});
        }
        return out;
    }
}
