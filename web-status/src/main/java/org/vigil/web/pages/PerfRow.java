package org.vigil.web.pages;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.vigil.checks.output.PerfData;
import org.vigil.checks.output.PerfValue;

/** One performance data item as the detail pages show it: every field as written text ("" when absent). */
public record PerfRow(String label, String value, String unit, String warn, String crit, String min, String max) {

    /** The items of {@code perfData}, parsed as checks-compat parses them. */
    static List<PerfRow> of(PerfData perfData) {
        return perfData.values().stream().map(PerfRow::of).toList();
    }

    static PerfRow of(PerfValue v) {
        return new PerfRow(v.label(), v.undetermined() ? "U" : number(v.value()), v.unit(), v.warn(), v.crit(),
                number(v.min()), number(v.max()));
    }

    private static String number(OptionalDouble d) {
        return d.isPresent() ? number(d.getAsDouble()) : "";
    }

    /** {@code 0.5}, {@code 12}, {@code 1E+20} written plainly: no trailing zeros, no exponent. */
    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
