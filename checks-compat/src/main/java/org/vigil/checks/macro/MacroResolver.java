package org.vigil.checks.macro;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Command;
import org.vigil.config.model.ObjectModel;

/**
 * Expands {@code $...$} macros as Nagios 4.4.6 does ({@code process_macros_r}): text alternates between plain text
 * and macro names at each {@code $}; {@code $$} is a dollar; a name Nagios does not know, or an on-demand macro for
 * an object that does not exist, is left as written, dollars included. Output macros ({@code $SERVICEOUTPUT$}...)
 * lose the {@code illegal_macro_output_chars} and control characters. Thread-safe; config values come from the
 * model, runtime values from {@link RuntimeMacros}.
 */
public final class MacroResolver {

    /** Nagios allows this many {@code $ARGn$}. */
    public static final int MAX_ARGS = 32;
    private static final int MAX_DEPTH = 4;

    private final ObjectModel model;
    private final MacroText text;
    private final MacroValues values;
    private final boolean largeInstallation;
    /** Guards against notes that name themselves ({@code notes $HOSTNOTES$}), which would never end. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    public MacroResolver(ObjectModel model, MainConfig main, RuntimeMacros runtime, Clock clock) {
        this.model = model;
        this.text = new MacroText(main == null ? null : main.value("illegal_macro_output_chars", null));
        this.largeInstallation = main != null && main.flag("use_large_installation_tweaks", false);
        this.values = new MacroValues(new ObjectLookup(model), main, runtime, clock, this::expandNested);
    }

    /** Expands the macros in {@code input}, cleaning output macros as Nagios does for checks and notifications. */
    public String expand(MacroContext ctx, String input) {
        return expand(ctx, input, false, true);
    }

    /**
     * Expands the macros in {@code input} without cleaning what they insert: Nagios's {@code process_macros_r} with
     * no options, as for the lines of the performance data files.
     */
    public String expandUncleaned(MacroContext ctx, String input) {
        return expand(ctx, input, false, false);
    }

    /** Notes and URLs are expanded again when read, without cleaning; URLs URL-encode what they insert. */
    private String expandNested(MacroContext ctx, String input, boolean urlEncode) {
        int[] d = depth.get();
        if (d[0] >= MAX_DEPTH) {
            return input;
        }
        d[0]++;
        try {
            return expand(ctx, input, urlEncode, false);
        } finally {
            d[0]--;
        }
    }

    /**
     * Expands a {@code check_command} (or a notification or event handler command): looks up the command named
     * before the first {@code !}, expands each argument ({@code \!} is a literal {@code !}), then the command line.
     * Empty when no such command is defined.
     */
    public Optional<ExpandedCommand> command(MacroContext ctx, String checkCommand) {
        List<String> parts = splitArguments(checkCommand);
        Command cmd = model.commands().get(parts.get(0));
        if (cmd == null) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < parts.size() && args.size() < MAX_ARGS; i++) {
            // each argument sees the ones before it, as in Nagios's grab_argv_macros_r
            args.add(expand(ctx.withArgs(args), parts.get(i)));
        }
        MacroContext withArgs = ctx.withArgs(args);
        return Optional.of(new ExpandedCommand(cmd.name(), args, expand(withArgs, cmd.line())));
    }

    /** The {@code NAGIOS_*} environment Nagios exports when {@code enable_environment_macros=1}. */
    public Map<String, String> environment(MacroContext ctx) {
        return EnvironmentMacros.build(this, values, ctx, largeInstallation);
    }

    /** {@code name!arg1!arg2}, with {@code \!} kept as a literal {@code !} inside an argument. */
    public static List<String> splitArguments(String checkCommand) {
        List<String> out = new ArrayList<>();
        String s = checkCommand == null ? "" : checkCommand;
        int bang = s.indexOf('!');
        out.add(bang < 0 ? s : s.substring(0, bang));
        if (bang < 0) {
            return out;
        }
        StringBuilder arg = new StringBuilder();
        for (int i = bang + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '!') {
                arg.append('!');
                i++;
            } else if (c == '!') {
                out.add(arg.toString());
                arg.setLength(0);
            } else {
                arg.append(c);
            }
        }
        out.add(arg.toString());
        return out;
    }

    private String expand(MacroContext ctx, String input, boolean urlEncode, boolean strip) {
        if (input == null || input.indexOf('$') < 0) {
            return input == null ? "" : input;
        }
        StringBuilder out = new StringBuilder(input.length() + 32);
        boolean inMacro = false;
        int pos = 0;
        while (pos >= 0) {
            int d = input.indexOf('$', pos);
            String part = d < 0 ? input.substring(pos) : input.substring(pos, d);
            int next = d < 0 ? -1 : d + 1;
            if (!inMacro) {
                out.append(part);
                inMacro = true;
            } else {
                MacroValues.Value v = values.grab(ctx, part);
                if (v == null) {
                    out.append('$').append(part);
                    if (!part.isEmpty() && next >= 0) {
                        out.append('$');
                    }
                } else {
                    String s = urlEncode ? MacroText.urlEncode(v.text()) : v.text();
                    out.append(strip && v.cleanable() ? text.strip(s) : s);
                }
                inMacro = false;
            }
            pos = next;
        }
        return out.toString();
    }

    /** The value of one macro, as {@code $NAME$} would give it, or null where Nagios would keep the text. */
    String valueOf(MacroContext ctx, String name) {
        MacroValues.Value v = values.grab(ctx, name);
        return v == null ? null : v.text();
    }

    String clean(String value) {
        return text.strip(value);
    }
}
