package org.vigil.config.timeperiod;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark main (run by bench/timeperiod/run.sh, not by the test suite): times 100,000 contains() calls on
 * a period with nested exclusions, and 10,000 nextInside/nextOutside calls. Prints figures, judges nothing.
 */
public final class TimeperiodBench {

    private static final int CALLS = 100_000;
    private static final int ROUNDS = 7;

    private TimeperiodBench() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of(args.length > 0 ? args[0] : "Europe/Berlin");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long yearSeconds = 365L * 86_400;
        Instant[] spread = new Instant[CALLS];
        Instant[] oneDay = new Instant[CALLS];
        for (int i = 0; i < CALLS; i++) {
            spread[i] = start.plusSeconds(i * (yearSeconds / CALLS));
            oneDay[i] = start.plusSeconds(i % 86_400);
        }
        System.out.printf(Locale.ROOT, "timeperiod benchmark, zone %s, %s, %d rounds each%n", zone,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), ROUNDS);
        System.out.println("period: 24x7 less us-holidays (which excludes an on-call hour) less"
                + " maintenance (day 1 - 7 / 2 02:00-04:00, sunday 2 - 3 ...)");
        report("contains x100,000, instants spread over a year (fresh schedule each round)",
                () -> countInside(period(zone), spread));
        CompiledTimeperiod warm = period(zone);
        countInside(warm, spread);
        report("contains x100,000, instants spread over a year (days already cached)",
                () -> countInside(warm, spread));
        report("contains x100,000, instants within one day (cached)", () -> countInside(warm, oneDay));
        report("nextInside + nextOutside x10,000 each, starts spread over a year (cached)",
                () -> nextBoth(warm, spread, zone));
    }

    private static CompiledTimeperiod period(ZoneId zone) {
        Periods periods = new Periods()
                .define("oncall", "december 25 10:00-11:00", "thursday 4 november 10:00-11:00")
                .define("us-holidays", List.of("oncall"), "january 1 00:00-24:00", "monday -1 may 00:00-24:00",
                        "july 4 00:00-24:00", "monday 1 september 00:00-24:00", "thursday 4 november 00:00-24:00",
                        "december 25 00:00-24:00")
                .define("maintenance", "day 1 - 7 / 2 02:00-04:00", "sunday 2 - 3 01:00-05:00",
                        "2026-06-01 - 2026-06-30 / 7 22:00-24:00")
                .define("24x7_sans_holidays", List.of("us-holidays", "maintenance"), "sunday 00:00-24:00",
                        "monday 00:00-24:00", "tuesday 00:00-24:00", "wednesday 00:00-24:00",
                        "thursday 00:00-24:00", "friday 00:00-24:00", "saturday 00:00-24:00");
        return periods.get("24x7_sans_holidays", zone);
    }

    private static long countInside(CompiledTimeperiod p, Instant[] instants) {
        long inside = 0;
        for (Instant i : instants) {
            if (p.contains(i)) {
                inside++;
            }
        }
        return inside;
    }

    private static long nextBoth(CompiledTimeperiod p, Instant[] instants, ZoneId zone) {
        long sum = 0;
        for (int i = 0; i < instants.length; i += 10) {
            ZonedDateTime from = instants[i].atZone(zone);
            sum += p.nextInside(from).map(z -> z.toEpochSecond()).orElse(0L);
            sum += p.nextOutside(from).map(z -> z.toEpochSecond()).orElse(0L);
        }
        return sum;
    }

    private static void report(String what, java.util.function.LongSupplier body) {
        double[] ms = new double[ROUNDS];
        long result = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            result += body.getAsLong();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-78s median %8.2f ms  min %8.2f ms  rounds %s  (checksum %d)%n", what,
                sorted[ROUNDS / 2], sorted[0], Arrays.toString(Arrays.stream(ms)
                        .map(v -> Math.round(v * 100) / 100.0).toArray()), result);
    }
}
