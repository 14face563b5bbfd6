package org.vigil.checks.output;

import java.util.OptionalDouble;

/**
 * One performance data item: {@code 'label'=value[unit];[warn];[crit];[min];[max]}.
 *
 * @param label the label, unquoted ({@code ''} inside quotes already turned into {@code '})
 * @param value the value, {@link Double#NaN} when the plugin wrote {@code U} (undetermined)
 * @param unit the unit of measure as written ({@code ms}, {@code %}, {@code KB}, {@code c}...), "" when none
 * @param warn the warning range as written (Nagios range syntax is kept as a string), "" when none
 * @param crit the critical range as written, "" when none
 */
public record PerfValue(String label, double value, String unit, String warn, String crit, OptionalDouble min,
                        OptionalDouble max) {

    /** True when the plugin could not determine the value ({@code U}). */
    public boolean undetermined() {
        return Double.isNaN(value);
    }
}
