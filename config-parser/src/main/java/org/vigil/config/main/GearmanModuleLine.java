package org.vigil.config.main;

import java.util.List;
import java.util.Optional;
import org.vigil.config.diag.SourceLocation;

/**
 * A {@code broker_module=<path>/mod_gearman*.o [key=value...]} line of the main config: Vigil does not load the
 * module but sends checks to gearmand itself, reading the line's arguments as mod_gearman's NEB module reads them
 * (split at each space, each one {@code key=value} or a bare switch, {@code config=} naming its {@code module.conf}).
 * Any module file whose name starts with {@code mod_gearman} counts (Debian's is
 * {@code /usr/lib/mod_gearman/mod_gearman_naemon.o}; older ones {@code mod_gearman_nagios4.o}). The arguments are
 * read by the worker module's {@code DispatchConfReader}.
 *
 * @param module    the module file the line names
 * @param arguments the words after it, in their order
 * @param where     the line, for messages
 */
public record GearmanModuleLine(String module, List<String> arguments, SourceLocation where) {

    public GearmanModuleLine {
        arguments = List.copyOf(arguments);
    }

    /** Whether {@code value}, a broker_module line's value, loads mod_gearman's NEB module. */
    public static boolean isGearman(String value) {
        String module = value.strip().split("\\s+", 2)[0];
        return module.substring(module.lastIndexOf('/') + 1).startsWith("mod_gearman");
    }

    /** The first mod_gearman broker_module line of {@code config}, if it has one. */
    public static Optional<GearmanModuleLine> of(MainConfig config) {
        return config.brokerModules().stream().filter(b -> isGearman(b.value())).findFirst()
                .map(b -> parse(b.value(), b.where()));
    }

    /** The line whose value is {@code value} (one for which {@link #isGearman} holds), read at {@code where}. */
    public static GearmanModuleLine parse(String value, SourceLocation where) {
        // mod_gearman splits at single spaces (strsep); empty words, from doubled spaces, mean nothing to it either
        List<String> words = List.of(value.strip().split("\\s+"));
        return new GearmanModuleLine(words.get(0), words.subList(1, words.size()), where);
    }
}
