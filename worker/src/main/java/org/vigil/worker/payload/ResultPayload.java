package org.vigil.worker.payload;

import java.util.List;
import java.util.Optional;

/**
 * The text of a check result: writes what a mod_gearman 5 worker writes, reads what the NEB module reads, strictly.
 * The output's newlines travel as {@code \n} and its backslashes as {@code \\} ({@code gm_escape_newlines},
 * {@code common/utils.c}).
 */
public final class ResultPayload {
    /** The keys {@code get_results} knows, plus {@code reschedule_check} of older workers. */
    static final List<String> KEYS = List.of("type", "host_name", "service_description", "core_start_time",
            "start_time", "finish_time", "latency", "return_code", "exited_ok", "early_timeout", "check_options",
            "scheduled_check", "reschedule_check", "source", "output");
    private static final String WHAT = "result payload";

    private ResultPayload() {}

    /**
     * The result's text in the order of {@code send_result_back}: {@code host_name, core_start_time, start_time,
     * finish_time, return_code, exited_ok, source, service_description, output}, the output followed by
     * {@code "\n\n\n"} and one more {@code "\n"}. A passive result opens with {@code type=passive}, as a duplicate
     * server's copy does; {@code early_timeout=1} is written only when set.
     */
    public static String encode(WorkerResult r) {
        StringBuilder b = new StringBuilder(200 + r.output().length());
        if (r.passive()) {
            line(b, "type", "passive");
        }
        line(b, "host_name", r.hostName());
        r.coreStartTime().ifPresent(t -> line(b, "core_start_time", t.toString()));
        line(b, "start_time", r.startTime().toString());
        line(b, "finish_time", r.finishTime().toString());
        line(b, "return_code", Integer.toString(r.returnCode()));
        line(b, "exited_ok", r.exitedOk() ? "1" : "0");
        if (r.earlyTimeout()) {
            line(b, "early_timeout", "1");
        }
        r.source().ifPresent(s -> line(b, "source", s));
        r.serviceDescription().ifPresent(s -> line(b, "service_description", s));
        b.append("output=").append(escape(r.output())).append("\n\n\n");
        return b.append('\n').toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(key + " cannot hold a newline in a mod_gearman payload");
        }
        b.append(key).append('=').append(value).append('\n');
    }

    /** {@code gm_escape_newlines}: a backslash doubled, a newline written {@code \n}. */
    static String escape(String output) {
        return output.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /**
     * The inverse of {@link #escape}: {@code \n} a newline, {@code \\} a backslash, any other backslash kept. (The NEB
     * module replaces only {@code \n}, leaving an escaped backslash doubled; reading both makes the text the plugin
     * printed, as Nagios's own {@code unescape_newlines} does.)
     */
    static String unescape(String wire) {
        StringBuilder b = new StringBuilder(wire.length());
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '\\' && i + 1 < wire.length() && (wire.charAt(i + 1) == 'n' || wire.charAt(i + 1) == '\\')) {
                b.append(wire.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The result in the text, or an error naming the bad line. */
    public static WorkerResult decode(String text) throws PayloadException {
        PayloadFields f = PayloadFields.parse(text, KEYS, WHAT);
        Optional<String> type = f.optional("type");
        if (type.isPresent() && !type.get().equals("passive")) {
            throw new PayloadException(WHAT + ": type='" + type.get() + "' (a result's type can only be passive)");
        }
        f.integer("check_options");
        f.integer("scheduled_check");
        f.integer("reschedule_check");
        f.decimal("latency");
        int exitedOk = f.integer("exited_ok").orElse(1);
        int earlyTimeout = f.integer("early_timeout").orElse(0);
        return new WorkerResult(f.required("host_name"), f.optional("service_description"),
                f.time("core_start_time"), required(f.time("start_time"), "start_time"),
                required(f.time("finish_time"), "finish_time"),
                f.integer("return_code").orElseThrow(() -> missing("return_code")), exitedOk != 0, earlyTimeout != 0,
                f.optional("source"), unescape(f.possiblyEmpty("output").orElseThrow(() -> missing("output"))), type.isPresent());
    }

    private static GmTime required(Optional<GmTime> time, String key) throws PayloadException {
        return time.orElseThrow(() -> missing(key));
    }

    private static PayloadException missing(String key) {
        return new PayloadException(WHAT + " has no '" + key + "' line");
    }
}
