package org.vigil.worker.payload;

import java.util.List;
import java.util.Optional;

/**
 * The text of a check job: writes what mod_gearman 5's NEB module writes, reads what its worker
 * ({@code get_job} in {@code worker/worker_client.c}) reads, including older modules' {@code start_time} and
 * {@code next_check} lines (mod_gearman 3 and 4), strictly.
 */
public final class JobPayload {
    /** The keys {@code get_job} knows, plus {@code target_queue} and {@code contact} which modules send unread. */
    static final List<String> KEYS = List.of("type", "result_queue", "target_queue", "host_name",
            "service_description", "start_time", "next_check", "core_time", "timeout", "command_line",
            "check_options", "scheduled_check", "latency", "contact", "plugin_output", "long_plugin_output");
    private static final String WHAT = "job payload";

    private JobPayload() {}

    /**
     * The job's text, in mod_gearman 5's order: {@code type, result_queue, target_queue, host_name,
     * service_description, core_time, timeout, command_line}, then the {@code "\n\n\n"} end every module writes.
     */
    public static String encode(CheckJob job) {
        StringBuilder b = new StringBuilder(160 + job.commandLine().length());
        line(b, "type", job.type().wire());
        job.resultQueue().ifPresent(v -> line(b, "result_queue", v));
        job.targetQueue().ifPresent(v -> line(b, "target_queue", v));
        job.hostName().ifPresent(v -> line(b, "host_name", v));
        job.serviceDescription().ifPresent(v -> line(b, "service_description", v));
        if (job.type() == JobType.EVENTHANDLER) {
            line(b, "start_time", job.coreTime().toString());
        }
        line(b, "core_time", job.coreTime().toString());
        if (job.type() != JobType.EVENTHANDLER) {
            line(b, "timeout", Integer.toString(job.timeout()));
        }
        line(b, "command_line", job.commandLine());
        return b.append("\n\n").toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(key + " cannot hold a newline in a mod_gearman payload");
        }
        b.append(key).append('=').append(value).append('\n');
    }

    /** The job in the text, or an error naming the bad line. */
    public static CheckJob decode(String text) throws PayloadException {
        PayloadFields f = PayloadFields.parse(text, KEYS, WHAT);
        String typeText = f.required("type");
        JobType type = JobType.fromWire(typeText).orElseThrow(() -> new PayloadException(
                WHAT + ": type='" + typeText + "' is not host, service, eventhandler or notification"));
        f.integer("check_options");
        f.integer("scheduled_check");
        f.decimal("latency");
        f.time("next_check");
        Optional<GmTime> startTime = f.time("start_time");
        // worker_client.c: an old module's start_time stands for core_time
        GmTime coreTime = f.time("core_time").or(() -> startTime).orElseThrow(
                () -> new PayloadException(WHAT + " has neither 'core_time' nor 'start_time'"));
        int timeout = f.integer("timeout").orElse(0);
        if (timeout < 0) {
            throw new PayloadException(WHAT + ": timeout=" + timeout + " is negative");
        }
        Optional<String> host = f.optional("host_name");
        Optional<String> queue = f.optional("result_queue");
        Optional<String> service = f.optional("service_description");
        if ((type == JobType.HOST || type == JobType.SERVICE) && host.isEmpty()) {
            throw new PayloadException(WHAT + ": " + typeText + " check has no 'host_name' line");
        }
        if ((type == JobType.HOST || type == JobType.SERVICE) && queue.isEmpty()) {
            throw new PayloadException(WHAT + ": " + typeText + " check has no 'result_queue' line");
        }
        if (type == JobType.SERVICE && service.isEmpty()) {
            throw new PayloadException(WHAT + ": service check has no 'service_description' line");
        }
        return new CheckJob(type, queue, f.optional("target_queue"), host, service, coreTime, timeout,
                f.required("command_line"));
    }
}
