package org.vigil.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The request bodies of the API's actions (JSON, snake_case; unknown fields are refused). */
public final class Actions {

    private Actions() {
    }

    /** {@code forced} (default true) checks even outside the check period and with checks disabled. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Recheck(@JsonProperty("forced") Boolean forced) {
    }

    /**
     * An acknowledgement: {@code sticky} (default true), {@code notify} (true), {@code persistent} (false);
     * {@code expires} (epoch seconds or ISO-8601, default none) ends it then by itself ({@code _EXPIRE} commands).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Acknowledge(@JsonProperty("comment") String comment, @JsonProperty("sticky") Boolean sticky,
                       @JsonProperty("notify") Boolean sendNotification, @JsonProperty("persistent") Boolean persistent,
                       @JsonProperty("author") String author, @JsonProperty("expires") String expires) {
    }

    /**
     * A downtime from {@code start} to {@code end} (epoch seconds or ISO-8601); flexible ones ({@code fixed}
     * false) last {@code duration} seconds from when the problem starts; {@code with_services} also schedules
     * the host's services (hosts only); {@code child_hosts} ({@code all} or {@code triggered}, hosts only) also
     * the hosts below it, as Nagios's {@code SCHEDULE_AND_PROPAGATE_(TRIGGERED_)HOST_DOWNTIME}.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Downtime(@JsonProperty("start") String start, @JsonProperty("end") String end,
                    @JsonProperty("fixed") Boolean fixed, @JsonProperty("duration") Long duration,
                    @JsonProperty("trigger_id") Long triggerId, @JsonProperty("comment") String comment,
                    @JsonProperty("with_services") Boolean withServices, @JsonProperty("author") String author,
                    @JsonProperty("child_hosts") String childHosts) {
    }

    /** A comment; {@code persistent} (default true) keeps it across restarts. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AddComment(@JsonProperty("comment") String comment, @JsonProperty("persistent") Boolean persistent,
                      @JsonProperty("author") String author) {
    }

    /** Switches notifications or active checks on or off. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Switch(@JsonProperty("enabled") Boolean enabled) {
    }

    /** A passive result: {@code status} as a code (0-3) or a state name, and the output (perfdata after |). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Result(@JsonProperty("status") String status, @JsonProperty("output") String output) {
    }

    /** What an action answers: the command as Nagios's log shows it. */
    public record Done(boolean ok, String command) {
    }
}
