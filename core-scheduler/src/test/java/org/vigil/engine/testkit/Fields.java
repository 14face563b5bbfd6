package org.vigil.engine.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * The fields scenario tables name, {@code OBJ.field=value}, rendered from the engine as the tables write them.
 * The fields every scenario shares are here; a scenario adds its own through {@code more} and answers for
 * {@code program.*}. Call on the engine thread.
 */
public final class Fields {

    private static final Pattern FIELD = Pattern.compile("(\\S+)\\.(\\w+)=(\\S+)");

    private final EngineFixture fx;
    private final Instant t0;
    private boolean pending;

    public Fields(EngineFixture fx, Instant t0) {
        this.fx = fx;
        this.t0 = t0;
    }

    /** {@code state} reads {@code PENDING} for an object never checked. */
    public Fields pendingState() {
        this.pending = true;
        return this;
    }

    public static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    /** {@code STATE/TYPE/ATTEMPT}. */
    public static String state(CheckableStatus<?> s) {
        return s.currentState() + "/" + s.stateType() + "/" + s.currentAttempt();
    }

    /** {@code at} as {@code +N}, seconds after T0. */
    public String relative(Instant at) {
        return "+" + (at.getEpochSecond() - t0.getEpochSecond());
    }

    /**
     * Renders every {@code OBJ.field} in {@code expect} as {@code OBJ.field=value}, joined by spaces: {@code program}
     * fields by {@code program}, the others by {@code more} when it knows the field (it returns null when not), else
     * the shared ones.
     */
    public String render(String expect, java.util.function.Function<String, String> program,
                         BiFunction<CheckTarget, String, String> more) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(expect);
        while (m.find()) {
            String object = m.group(1);
            String field = m.group(2);
            String value;
            if (object.equals("program")) {
                value = program.apply(field);
            } else {
                CheckTarget t = fx.target(object);
                String own = more.apply(t, field);
                value = own != null ? own : shared(t, field);
            }
            out.add(object + "." + field + "=" + value);
        }
        return String.join(" ", out);
    }

    /** A field of {@code t} every scenario means the same by. */
    public String shared(CheckTarget t, String field) {
        CheckableStatus<?> s = fx.engine.statusOf(t);
        return switch (field) {
            case "state" -> pending && !s.hasBeenChecked() ? "PENDING" : state(s);
            case "out" -> s.pluginOutput().replace(' ', '_');
            case "long" -> s.longPluginOutput().replace(' ', '_');
            case "perf" -> s.perfData();
            case "passive" -> onOff(s.passiveChecksEnabled());
            case "notify" -> onOff(s.notificationsEnabled());
            case "checks" -> onOff(s.activeChecksEnabled());
            case "handler" -> onOff(s.eventHandlerEnabled());
            case "flapping" -> onOff(s.isFlapping());
            case "detect" -> onOff(s.flapDetectionEnabled());
            case "ack" -> s.acknowledgementType() + "/" + (s.problemHasBeenAcknowledged() ? 1 : 0);
            case "next" -> relative(s.nextCheck());
            case "due" -> fx.checks.dueTime(t.id()).map(this::relative).orElse("-");
            default -> throw new IllegalArgumentException(field);
        };
    }
}
