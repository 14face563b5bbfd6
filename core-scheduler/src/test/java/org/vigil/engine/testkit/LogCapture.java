package org.vigil.engine.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.vigil.engine.log.NagiosLog;

/** The main log echoed into memory, read back as the lines written since the last read. */
public final class LogCapture {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final NagiosLog log;
    private int read;

    /** A log that writes {@code file} too ({@code null}: memory only). */
    public LogCapture(Path file, Clock clock) throws IOException {
        this.log = new NagiosLog(file, clock, new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    public NagiosLog log() {
        return log;
    }

    /** Everything logged so far, timestamps included. */
    public String all() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    /** The text logged since the last call to this or {@link #newLines}. */
    public String fresh() {
        String all = all();
        String fresh = all.substring(read);
        read = all.length();
        return fresh;
    }

    /** The log lines written since the last call, without their timestamps. */
    public List<String> newLines() {
        return fresh().lines().map(LogCapture::untimed).toList();
    }

    /** A log line without its {@code [epoch] } prefix. */
    public static String untimed(String line) {
        return line.replaceFirst("^\\[\\d+] ", "");
    }
}
