package org.vigil.worker.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.worker.gearman.ServerAddress;

/**
 * How the central node sends checks to gearmand, as mod_gearman's NEB module is told in its {@code module.conf} (the
 * same keys, the same defaults), plus Vigil's own settings for what mod_gearman leaves to the core.
 *
 * @param servers            gearmand servers ({@code server=}), at least one; jobs go to the first that answers
 * @param dupServers         servers results are also sent to ({@code dupserver=}); Vigil's workers honour it
 * @param key                the shared key (at most 32 characters), or null when encryption is off and none given
 * @param encryption         whether jobs are AES-256 encrypted ({@code encryption=}, default on)
 * @param acceptClearResults whether unencrypted results are accepted ({@code accept_clear_results=}, default no)
 * @param hosts              host checks go to the {@code host} queue ({@code hosts=})
 * @param services           service checks go to the {@code service} queue ({@code services=})
 * @param eventhandler       event handlers go to the {@code eventhandler} queue ({@code eventhandler=})
 * @param notifications      notifications go to the {@code notification} queue ({@code notifications=})
 * @param doHostchecks       whether host checks are sent at all ({@code do_hostchecks=}, default yes)
 * @param routeEventhandlerLikeChecks event handlers follow their object's check queue
 *                           ({@code route_eventhandler_like_checks=}, default no)
 * @param hostgroups         {@code hostgroup_NAME} queues, for hosts (and their services) in these groups, in order
 * @param servicegroups      {@code servicegroup_NAME} queues, for services in these groups, in order
 * @param localHostgroups    hosts (and their services) in these groups always run on the central node
 * @param localServicegroups services in these groups always run on the central node
 * @param queueCustomVariable the custom variable naming an object's queue ({@code queue_custom_variable=}, e.g.
 *                           {@code WORKER} reads {@code _WORKER}), empty for none
 * @param useUniqJobs        jobs carry a unique id so gearmand merges duplicates ({@code use_uniq_jobs=}, default on)
 * @param resultQueue        the queue results come back on ({@code result_queue=}, default {@code check_results})
 * @param resultWorkers      threads reading results ({@code result_workers=}, default 1)
 * @param orphanHostChecks   a host check without a result in time ends as an orphan result ({@code
 *                           orphan_host_checks=}, default yes); when no, it is submitted again
 * @param orphanServiceChecks the same for service checks ({@code orphan_service_checks=}, default yes)
 * @param orphanReturn       the orphan result's return code ({@code orphan_return=}, default 2)
 * @param orphanAfter        Vigil: how long after a check's timeout a job without a result is orphaned (default 10 s)
 * @param localFallbackAfter Vigil: after this long with no gearmand answering, checks run on the central node until
 *                           one answers again; empty: never (every check waits for gearmand, then is orphaned)
 */
public record DispatchSettings(List<ServerAddress> servers, List<ServerAddress> dupServers, String key,
        boolean encryption, boolean acceptClearResults, boolean hosts, boolean services, boolean eventhandler,
        boolean notifications, boolean doHostchecks, boolean routeEventhandlerLikeChecks, List<String> hostgroups,
        List<String> servicegroups, List<String> localHostgroups, List<String> localServicegroups,
        Optional<String> queueCustomVariable, boolean useUniqJobs, String resultQueue, int resultWorkers,
        boolean orphanHostChecks, boolean orphanServiceChecks, int orphanReturn, Duration orphanAfter,
        Optional<Duration> localFallbackAfter) {

    /** mod_gearman's default result queue. */
    public static final String CHECK_RESULTS = "check_results";

    public DispatchSettings {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("mod_gearman needs at least one server (server=host:port)");
        }
        servers = List.copyOf(servers);
        dupServers = List.copyOf(dupServers);
        hostgroups = List.copyOf(hostgroups);
        servicegroups = List.copyOf(servicegroups);
        localHostgroups = List.copyOf(localHostgroups);
        localServicegroups = List.copyOf(localServicegroups);
    }

    /** Names every setting but the key, which is only said to be set or not. */
    @Override
    public String toString() {
        return "DispatchSettings[servers=" + servers + ", dupServers=" + dupServers + ", key="
                + (key == null ? "none" : "(set)") + ", encryption=" + encryption + ", acceptClearResults="
                + acceptClearResults + ", hosts=" + hosts + ", services=" + services + ", eventhandler="
                + eventhandler + ", notifications=" + notifications + ", doHostchecks=" + doHostchecks
                + ", routeEventhandlerLikeChecks=" + routeEventhandlerLikeChecks + ", hostgroups=" + hostgroups
                + ", servicegroups=" + servicegroups + ", localHostgroups=" + localHostgroups
                + ", localServicegroups=" + localServicegroups + ", queueCustomVariable=" + queueCustomVariable
                + ", useUniqJobs=" + useUniqJobs + ", resultQueue=" + resultQueue + ", resultWorkers="
                + resultWorkers + ", orphanHostChecks=" + orphanHostChecks + ", orphanServiceChecks="
                + orphanServiceChecks + ", orphanReturn=" + orphanReturn + ", orphanAfter=" + orphanAfter
                + ", localFallbackAfter=" + localFallbackAfter + "]";
    }
}
