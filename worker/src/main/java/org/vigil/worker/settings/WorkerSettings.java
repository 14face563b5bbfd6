package org.vigil.worker.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.conf.WorkerConfKeys;

/**
 * What a {@code vigil worker} is told by its command line and mod_gearman's {@code worker.conf}: the gearmand
 * servers, the shared key (given, or read from the key file's first line, at most 32 characters, as mod_gearman
 * reads it; {@link #toString()} never shows it), whether payloads are encrypted, the queues it serves, and its process limits. Every other documented
 * mod_gearman key is kept as read in {@link #other()}, repeated keys in the order read.
 *
 * @param servers       gearmand servers, in the order given (at least one)
 * @param dupServers    servers results are also sent to ({@code dupserver=})
 * @param key           the shared key, or null when encryption is off and no key was given
 * @param keyFile       the file the key was read from, or null
 * @param encryption    whether payloads are AES-encrypted (mod_gearman's default: on)
 * @param hosts         serves the {@code host} queue
 * @param services      serves the {@code service} queue
 * @param eventhandler  serves the {@code eventhandler} queue
 * @param notifications serves the {@code notification} queue
 * @param hostgroups    serves {@code hostgroup_NAME} for each name
 * @param servicegroups serves {@code servicegroup_NAME} for each name
 * @param identifier    the worker's name (the host name when not given)
 * @param minWorker     minimum worker processes (mod_gearman's default 1)
 * @param maxWorker     maximum worker processes (default 20; min-worker is lowered to it, as mod_gearman does)
 * @param jobTimeout    default job timeout in seconds (default 60)
 * @param other         every other key as read, canonical name to its values
 */
public record WorkerSettings(List<ServerAddress> servers, List<ServerAddress> dupServers, String key, Path keyFile,
        boolean encryption, boolean hosts, boolean services, boolean eventhandler, boolean notifications,
        List<String> hostgroups, List<String> servicegroups, String identifier, int minWorker, int maxWorker,
        int jobTimeout, Map<String, List<String>> other) {

    public WorkerSettings {
        servers = List.copyOf(servers);
        dupServers = List.copyOf(dupServers);
        hostgroups = List.copyOf(hostgroups);
        servicegroups = List.copyOf(servicegroups);
        other = Map.copyOf(other);
    }

    /** The Gearman function names this worker registers, in mod_gearman's order. */
    public List<String> queues() {
        List<String> queues = new ArrayList<>();
        if (hosts) {
            queues.add("host");
        }
        if (services) {
            queues.add("service");
        }
        if (eventhandler) {
            queues.add("eventhandler");
        }
        if (notifications) {
            queues.add("notification");
        }
        hostgroups.forEach(g -> queues.add("hostgroup_" + g));
        servicegroups.forEach(g -> queues.add("servicegroup_" + g));
        return List.copyOf(queues);
    }

    /** Names every setting but the key, which is only said to be set or not. */
    @Override
    public String toString() {
        return "WorkerSettings[servers=" + servers + ", dupServers=" + dupServers + ", key="
                + (key == null ? "none" : "(set)") + ", keyFile=" + keyFile + ", encryption=" + encryption
                + ", queues=" + queues() + ", identifier=" + identifier + ", minWorker=" + minWorker
                + ", maxWorker=" + maxWorker + ", jobTimeout=" + jobTimeout + ", other=" + other + "]";
    }

    /** The last value read for another key, or null. */
    public String otherValue(String key) {
        List<String> values = other.get(WorkerConfKeys.canonical(key));
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
