package org.vigil.engine.flap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.vigil.engine.state.CheckTarget;

/** The log lines and comment texts of flap detection, worded and rounded exactly as Nagios 4.4.6 writes them. */
public final class FlapTexts {

    private FlapTexts() {
    }

    static String started(CheckTarget t, double percent, double threshold) {
        if (t.isHost()) {
            return "HOST FLAPPING ALERT: " + t.hostName() + ";STARTED; Host appears to have started flapping ("
                    + pct(percent) + "% change > " + pct(threshold) + "% threshold)";
        }
        return "SERVICE FLAPPING ALERT: " + t.hostName() + ";" + t.service().description()
                + ";STARTED; Service appears to have started flapping (" + pct(percent) + "% change >= "
                + pct(threshold) + "% threshold)";
    }

    static String stopped(CheckTarget t, double percent, double threshold) {
        String what = t.isHost() ? "HOST FLAPPING ALERT: " + t.hostName() + ";STOPPED; Host"
                : "SERVICE FLAPPING ALERT: " + t.hostName() + ";" + t.service().description() + ";STOPPED; Service";
        return what + " appears to have stopped flapping (" + pct(percent) + "% change < " + pct(threshold)
                + "% threshold)";
    }

    static String disabled(CheckTarget t) {
        String who = t.isHost() ? "HOST FLAPPING ALERT: " + t.hostName()
                : "SERVICE FLAPPING ALERT: " + t.hostName() + ";" + t.service().description();
        return who + ";DISABLED; Flap detection has been disabled";
    }

    /** The comment Nagios adds while the object flaps (Nagios writes {@code >} for hosts, {@code >=} for services). */
    static String comment(CheckTarget t, double percent, double threshold) {
        String kind = t.isHost() ? "host" : "service";
        return "Notifications for this " + kind + " are being suppressed because it was detected as having been"
                + " flapping between different states (" + pct(percent) + "% change " + (t.isHost() ? ">" : ">=")
                + " " + pct(threshold) + "% threshold).  When the " + kind + " state stabilizes and the flapping"
                + " stops, notifications will be re-enabled.";
    }

    /** printf's {@code %2.1f}. */
    public static String pct(double v) {
        return fixed(v, 1);
    }

    /**
     * {@code v} with {@code places} decimals as glibc's printf writes it: the exact binary value rounded to
     * the nearest, ties to even (Java's {@code %.1f} rounds ties away from zero: 0.25 would become 0.3, not 0.2).
     */
    public static String fixed(double v, int places) {
        return new BigDecimal(v).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }
}
