package org.vigil.config.timeperiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks nextInside/nextOutside against contains() minute by minute, on random periods (every line form, with
 * and without an exclusion) in zones with odd DST: 30-minute shifts (Lord Howe), midnight shifts (Sao Paulo
 * until 2019), a 45-minute offset (Kathmandu).
 */
class TimeperiodPropertiesTest {

    /** How far each answer is checked minute by minute; beyond that only the answer itself is checked. */
    private static final long WINDOW_MINUTES = 3 * 24 * 60;
    private static final Instant FIRST = Instant.parse("2017-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2028-12-31T00:00:00Z");

    @Property(tries = 300)
    void nextInsideIsInsideAndNothingBeforeItIs(@ForAll("periods") List<String> lines,
            @ForAll("periods") List<String> excluded, @ForAll("starts") ZonedDateTime from) {
        CompiledTimeperiod p = compile(lines, excluded, from.getZone());
        Instant at = from.toInstant();
        ZoneId zone = from.getZone();

        Optional<ZonedDateTime> next = p.nextInside(from);

        next.ifPresent(n -> assertThat(p.contains(n)).as("answer %s is inside", n).isTrue());
        Instant end = next.map(ZonedDateTime::toInstant).orElse(at.plus(WINDOW_MINUTES, ChronoUnit.MINUTES));
        assertThat(end).isAfterOrEqualTo(at);
        for (Instant m = at; m.isBefore(end) && m.isBefore(at.plus(WINDOW_MINUTES, ChronoUnit.MINUTES));
                m = m.plus(1, ChronoUnit.MINUTES)) {
            assertThat(p.contains(m.atZone(zone))).as("%s before the answer %s", m, next).isFalse();
        }
    }

    @Property(tries = 300)
    void nextOutsideIsOutsideAndAllBeforeItIsInside(@ForAll("periods") List<String> lines,
            @ForAll("periods") List<String> excluded, @ForAll("starts") ZonedDateTime from) {
        CompiledTimeperiod p = compile(lines, excluded, from.getZone());
        Instant at = from.toInstant();
        ZoneId zone = from.getZone();

        Optional<ZonedDateTime> next = p.nextOutside(from);

        next.ifPresent(n -> assertThat(p.contains(n)).as("answer %s is outside", n).isFalse());
        Instant end = next.map(ZonedDateTime::toInstant).orElse(at.plus(WINDOW_MINUTES, ChronoUnit.MINUTES));
        assertThat(end).isAfterOrEqualTo(at);
        for (Instant m = at; m.isBefore(end) && m.isBefore(at.plus(WINDOW_MINUTES, ChronoUnit.MINUTES));
                m = m.plus(1, ChronoUnit.MINUTES)) {
            assertThat(p.contains(m.atZone(zone))).as("%s before the answer %s", m, next).isTrue();
        }
    }

    @Property(tries = 200)
    void transitionsFlipTheState(@ForAll("periods") List<String> lines, @ForAll("periods") List<String> excluded,
            @ForAll("starts") ZonedDateTime from) {
        CompiledTimeperiod p = compile(lines, excluded, from.getZone());
        Instant at = from.toInstant();

        List<Transition> ts = p.transitions(from, 6);

        Instant previous = at;
        for (Transition t : ts) {
            assertThat(t.at().toInstant()).isAfter(previous);
            assertThat(p.contains(t.at())).isEqualTo(t.entering());
            assertThat(p.contains(t.at().minusSeconds(1))).isEqualTo(!t.entering());
            previous = t.at().toInstant();
        }
    }

    @Property(tries = 200)
    void instantAndZonedAnswersAgree(@ForAll("periods") List<String> lines, @ForAll("starts") ZonedDateTime from) {
        CompiledTimeperiod p = compile(lines, List.of(), from.getZone());

        for (int minute = 0; minute < 24 * 60; minute += 7) {
            ZonedDateTime t = from.plusMinutes(minute);
            assertThat(p.contains(t.toInstant())).as("%s", t).isEqualTo(p.contains(t));
        }
    }

    private static CompiledTimeperiod compile(List<String> lines, List<String> excluded, ZoneId zone) {
        Periods periods = new Periods().define("x", excluded.toArray(String[]::new));
        List<String> exclusions = excluded.isEmpty() ? List.of() : List.of("x");
        return periods.define("p", exclusions, lines.toArray(String[]::new)).get("p", zone);
    }

    /**
     * Half the starts fall within three days before or one day after one of the zone's offset changes, where
     * the DST cases are; uniform instants alone would almost never come near one.
     */
    @Provide
    Arbitrary<ZonedDateTime> starts() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                "America/Sao_Paulo", "Asia/Kathmandu").map(ZoneId::of)
                .flatMap(zone -> Arbitraries.oneOf(anyInstant(), nearOffsetChange(zone)).map(i -> i.atZone(zone)));
    }

    /** Whole minutes from 2017 to 2028, so Sao Paulo's midnight DST (until 2019) is in range. */
    private static Arbitrary<Instant> anyInstant() {
        return Arbitraries.longs().between(FIRST.getEpochSecond() / 60, LAST.getEpochSecond() / 60)
                .map(m -> Instant.ofEpochSecond(m * 60));
    }

    private static Arbitrary<Instant> nearOffsetChange(ZoneId zone) {
        List<Instant> changes = new ArrayList<>();
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(FIRST); t != null
                && t.getInstant().isBefore(LAST); t = zone.getRules().nextTransition(t.getInstant())) {
            changes.add(t.getInstant());
        }
        if (changes.isEmpty()) {
            return anyInstant();
        }
        return Combinators.combine(Arbitraries.of(changes), Arbitraries.longs().between(-3 * 1440, 1440))
                .as((change, minutes) -> change.plusSeconds(minutes * 60));
    }

    @Provide
    Arbitrary<List<String>> periods() {
        Arbitrary<String> line = Combinators.combine(dayParts(), timeRanges()).as((d, t) -> d + " " + t);
        return line.list().ofMinSize(0).ofMaxSize(6);
    }

    private static Arbitrary<String> timeRanges() {
        Arbitrary<Integer> minute = Arbitraries.oneOf(Arbitraries.integers().between(0, 96).map(q -> q * 15),
                Arbitraries.integers().between(0, 1440));
        Arbitrary<String> range = Combinators.combine(minute, minute).as((a, b) -> hhmm(Math.min(a, b)) + "-"
                + hhmm(Math.max(a, b) == Math.min(a, b) ? Math.min(1440, a + 60) : Math.max(a, b)));
        return range.list().ofMinSize(1).ofMaxSize(3).map(rs -> String.join(",", rs));
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private static Arbitrary<String> dayParts() {
        Arbitrary<String> weekday = Arbitraries.of(Suggest.WEEKDAYS);
        Arbitrary<String> month = Arbitraries.of(Suggest.MONTHS);
        Arbitrary<Integer> mday = Arbitraries.oneOf(Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(-31, -1));
        Arbitrary<Integer> offset = Arbitraries.oneOf(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(-5, -1));
        Arbitrary<String> skip = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(2, 9).map(k -> " / " + k));
        Arbitrary<String> date = Arbitraries.integers().between(0, 365 * 12)
                .map(d -> java.time.LocalDate.of(2017, 1, 1).plusDays(d).toString());
        return Arbitraries.oneOf(
                weekday,
                weekday,
                date,
                Combinators.combine(date, Arbitraries.integers().between(0, 60), skip)
                        .as((d, n, k) -> d + " - " + java.time.LocalDate.parse(d).plusDays(n) + k),
                Combinators.combine(month, mday).as((m, d) -> m + " " + d),
                Combinators.combine(month, mday, month, mday, skip).as((m, d, m2, d2, k) -> m + " " + d + " - "
                        + m2 + " " + d2 + k),
                mday.map(d -> "day " + d),
                Combinators.combine(mday, mday, skip).as((d, d2, k) -> "day " + d + " - " + d2 + k),
                Combinators.combine(weekday, offset).as((w, n) -> w + " " + n),
                Combinators.combine(weekday, offset, weekday, offset, skip).as((w, n, w2, n2, k) -> w + " " + n
                        + " - " + w2 + " " + n2 + k),
                Combinators.combine(weekday, offset, month).as((w, n, m) -> w + " " + n + " " + m),
                Combinators.combine(weekday, offset, month, weekday, offset).as((w, n, m, w2, n2) -> w + " " + n
                        + " " + m + " - " + w2 + " " + n2 + " " + m));
    }
}
