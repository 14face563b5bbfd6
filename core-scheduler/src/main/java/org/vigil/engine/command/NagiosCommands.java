package org.vigil.engine.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The names of all Nagios 4 external commands, to tell "not carried out yet" from "misspelt". */
final class NagiosCommands {

    /** Upper case; an immutable constant read from {@code nagios-commands.txt}. */
    static final Set<String> NAMES = load();

    private NagiosCommands() {
    }

    private static Set<String> load() {
        try (InputStream in = NagiosCommands.class.getResourceAsStream("nagios-commands.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
