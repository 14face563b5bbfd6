package org.vigil.web.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes seeded random Nagios log lines of the kinds the history reads (host and service alerts, hard and soft,
 * initial and current states, host and service downtimes, program starts, stops and bail-outs, states Nagios does
 * not log) among others it skips (notifications, external commands), several in the same second.
 */
final class SampleLog {

    private final Random random;
    private final int hosts;
    private final int services;
    private long time;

    SampleLog(long seed, long from, int hosts, int services) {
        this.random = new Random(seed);
        this.time = from;
        this.hosts = hosts;
        this.services = services;
    }

    long time() {
        return time;
    }

    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            out.add(new Target(host(h), null));
            for (int s = 0; s < services; s++) {
                out.add(new Target(host(h), service(s)));
            }
        }
        return out;
    }

    static String host(int h) {
        return "host" + h;
    }

    static String service(int s) {
        return "svc " + s;
    }

    /** {@code n} lines, each ended by a newline, from the time the last ones stopped at. */
    String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            time += random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            b.append('[').append(time).append("] ").append(text()).append('\n');
        }
        return b.toString();
    }

    private String text() {
        String h = host(random.nextInt(hosts));
        String s = service(random.nextInt(services));
        String kind = random.nextInt(5) == 0 ? "SOFT" : "HARD";
        int k = random.nextInt(100);
        if (k < 2) {
            return "Vigil 0.1.0 starting... (PID=" + k + ")";
        } else if (k < 3) {
            return "Caught SIGTERM, shutting down...";
        } else if (k < 4) {
            return "Bailing out due to errors encountered while processing the object config files!";
        } else if (k < 9) {
            return "HOST DOWNTIME ALERT: " + h + ";" + pick("STARTED", "STOPPED", "CANCELLED") + "; in downtime";
        } else if (k < 14) {
            return "SERVICE DOWNTIME ALERT: " + h + ";" + s + ";" + pick("STARTED", "STOPPED", "CANCELLED") + "; dt";
        } else if (k < 28) {
            return pick("HOST ALERT", "INITIAL HOST STATE", "CURRENT HOST STATE") + ": " + h + ";"
                    + pick("UP", "DOWN", "UNREACHABLE", "RECOVERY", "PENDING") + ";" + kind + ";1;out";
        } else if (k < 36) {
            return pick("SERVICE NOTIFICATION: admin;" + h + ";" + s + ";CRITICAL;notify;x",
                    "EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;" + h + ";" + s + ";0;ok",
                    "PASSIVE SERVICE CHECK: " + h + ";" + s + ";0;ok", "Warning: something else");
        }
        return pick("SERVICE ALERT", "SERVICE ALERT", "INITIAL SERVICE STATE", "CURRENT SERVICE STATE") + ": " + h
                + ";" + s + ";" + pick("OK", "WARNING", "CRITICAL", "UNKNOWN", "RECOVERY", "BOGUS") + ";" + kind
                + ";" + (1 + random.nextInt(3)) + ";output; with a semicolon";
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
