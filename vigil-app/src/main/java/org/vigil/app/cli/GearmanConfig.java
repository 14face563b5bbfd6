package org.vigil.app.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gearman:} in {@code vigil.yml}: sends checks to gearmand as mod_gearman does, beside (and over) what
 * nagios.cfg's mod_gearman {@code broker_module} line gives. {@code config:} names a {@code module.conf} read instead
 * of the line's; every other mod_gearman key may be given here too (list keys as a YAML list or a comma list), each
 * replacing the file's; {@code orphan_after} and {@code local_fallback_after} are Vigil's own.
 */
public final class GearmanConfig {

    /** {@code false}: every check runs on this machine, whatever the broker_module line says. */
    @JsonProperty
    public Boolean enabled;

    /** A mod_gearman {@code module.conf}, read instead of the broker_module line's. */
    @JsonProperty
    public String config;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> server;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> dupserver;

    /** The shared key itself; prefer {@code key_file}. */
    @JsonProperty
    public String key;

    /** The file holding the shared key on its first line (mod_gearman's {@code keyfile}). */
    @JsonProperty("key_file")
    public String keyFile;

    @JsonProperty
    public Boolean encryption;

    @JsonProperty("accept_clear_results")
    public Boolean acceptClearResults;

    @JsonProperty
    public Boolean hosts;

    @JsonProperty
    public Boolean services;

    @JsonProperty
    public Boolean eventhandler;

    @JsonProperty
    public Boolean notifications;

    @JsonProperty("do_hostchecks")
    public Boolean doHostchecks;

    @JsonProperty("route_eventhandler_like_checks")
    public Boolean routeEventhandlerLikeChecks;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> hostgroups;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> servicegroups;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> localhostgroups;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> localservicegroups;

    @JsonProperty("queue_custom_variable")
    public String queueCustomVariable;

    @JsonProperty("use_uniq_jobs")
    public Boolean useUniqJobs;

    @JsonProperty("result_queue")
    public String resultQueue;

    @JsonProperty("result_workers")
    public Integer resultWorkers;

    @JsonProperty("orphan_host_checks")
    public Boolean orphanHostChecks;

    @JsonProperty("orphan_service_checks")
    public Boolean orphanServiceChecks;

    @JsonProperty("orphan_return")
    public Integer orphanReturn;

    /** Seconds after a check's timeout before a job without a result ends orphaned (default 10). */
    @JsonProperty("orphan_after")
    public Double orphanAfter;

    /**
     * Seconds without gearmand before checks run on this machine (default 60; 0: as soon as gearmand does not
     * answer), or {@code never}: checks wait for gearmand and end orphaned.
     */
    @JsonProperty("local_fallback_after")
    public String localFallbackAfter;

    /** Whether the section turns the dispatch off. */
    boolean off() {
        return Boolean.FALSE.equals(enabled);
    }

    /**
     * The mod_gearman keys given here, by mod_gearman's names, in a fixed order; {@code key_file} resolved against
     * {@code baseDir} (vigil.yml's directory).
     */
    Map<String, String> keys(java.nio.file.Path baseDir) {
        Map<String, String> out = new LinkedHashMap<>();
        list(out, "server", server);
        list(out, "dupserver", dupserver);
        put(out, "key", key);
        put(out, "keyfile", keyFile == null ? null : baseDir.resolve(keyFile).normalize().toString());
        put(out, "encryption", encryption);
        put(out, "accept_clear_results", acceptClearResults);
        put(out, "hosts", hosts);
        put(out, "services", services);
        put(out, "eventhandler", eventhandler);
        put(out, "notifications", notifications);
        put(out, "do_hostchecks", doHostchecks);
        put(out, "route_eventhandler_like_checks", routeEventhandlerLikeChecks);
        list(out, "hostgroups", hostgroups);
        list(out, "servicegroups", servicegroups);
        list(out, "localhostgroups", localhostgroups);
        list(out, "localservicegroups", localservicegroups);
        put(out, "queue_custom_variable", queueCustomVariable);
        put(out, "use_uniq_jobs", useUniqJobs);
        put(out, "result_queue", resultQueue);
        put(out, "result_workers", resultWorkers);
        put(out, "orphan_host_checks", orphanHostChecks);
        put(out, "orphan_service_checks", orphanServiceChecks);
        put(out, "orphan_return", orphanReturn);
        return out;
    }

    private static void put(Map<String, String> out, String key, Object value) {
        if (value != null) {
            out.put(key, value instanceof Boolean b ? (b ? "yes" : "no") : value.toString());
        }
    }

    private static void list(Map<String, String> out, String key, List<String> values) {
        if (values != null) {
            out.put(key, String.join(",", values.stream().map(v -> v == null ? "" : v).toList()));
        }
    }

    /** {@code orphan_after}, when given and valid. */
    Optional<Duration> orphanAfterDuration() {
        return orphanAfter == null || !(orphanAfter > 0) ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(orphanAfter * 1000)));
    }

    /** {@code local_fallback_after}: absent, empty; {@code never}, an empty inner; else the seconds, if valid. */
    Optional<Optional<Duration>> localFallback() {
        if (localFallbackAfter == null) {
            return Optional.empty();
        }
        if (localFallbackAfter.strip().equals("never")) {
            return Optional.of(Optional.empty());
        }
        try {
            double s = Double.parseDouble(localFallbackAfter.strip());
            return s >= 0 && !Double.isInfinite(s) ? Optional.of(Optional.of(Duration.ofMillis(Math.round(s * 1000))))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with Vigil's own keys, each naming its key; mod_gearman's keys are checked by their reader. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (orphanAfter != null && orphanAfterDuration().isEmpty()) {
            out.add("gearman.orphan_after: must be more than 0 seconds (default 10)");
        }
        if (localFallbackAfter != null && localFallback().isEmpty()) {
            out.add("gearman.local_fallback_after: '" + localFallbackAfter + "' is not understood (expected seconds,"
                    + " 0 or more, or never)");
        }
        if (config != null && config.isBlank()) {
            out.add("gearman.config: is empty (expected the path of a mod_gearman module.conf)");
        }
        return out;
    }
}
