package org.vigil.worker.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Job texts as mod_gearman's NEB module writes them and its worker reads them. */
class JobPayloadTest {
    /**
     * neb_module_naemon/mod_gearman.c handle_svc_check's format {@code "type=service\nresult_queue=%s\n
     * target_queue=%s\nhost_name=%s\nservice_description=%s\ncore_time=%Lf\ntimeout=%d\ncommand_line=%s\n\n\n"}
     * filled in by hand ({@code %Lf}: six decimals).
     */
    static final String SERVICE_JOB_TEXT = "type=service\nresult_queue=check_results\ntarget_queue=service\n"
            + "host_name=web1\nservice_description=HTTP\ncore_time=1700000000.250000\ntimeout=60\n"
            + "command_line=/usr/lib/nagios/plugins/check_http -H web1\n\n\n";

    static final CheckJob SERVICE_JOB = CheckJob.service("check_results", "service", "web1", "HTTP",
            new GmTime(1_700_000_000L, 250_000), 60, "/usr/lib/nagios/plugins/check_http -H web1");

    @Test
    void writesAServiceJobAsModGearman5() {
        assertThat(JobPayload.encode(SERVICE_JOB)).isEqualTo(SERVICE_JOB_TEXT);
    }

    @Test
    void writesAHostJobAsModGearman5() {
        CheckJob job = CheckJob.host("check_results", "hostgroup_dmz", "gw", GmTime.ofEpochMicros(1_700_000_001_000_007L),
                30, "check_ping -H 10.0.0.1 -w 100,20% -c 500,60%");
        // handle_host_check: "type=host\nresult_queue=%s\ntarget_queue=%s\nhost_name=%s\ncore_time=%Lf\ntimeout=%d\n
        // command_line=%s\n\n\n"
        assertThat(JobPayload.encode(job)).isEqualTo("type=host\nresult_queue=check_results\n"
                + "target_queue=hostgroup_dmz\nhost_name=gw\ncore_time=1700000001.000007\ntimeout=30\n"
                + "command_line=check_ping -H 10.0.0.1 -w 100,20% -c 500,60%\n\n\n");
    }

    @Test
    void writesAnEventHandlerJobAsModGearman5() {
        CheckJob job = new CheckJob(JobType.EVENTHANDLER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), new GmTime(1_700_000_000L, 5), 0, "/bin/restart-httpd");
        // handle_eventhandler: "type=eventhandler\nstart_time=%Lf\ncore_time=%Lf\ncommand_line=%s\n\n\n"
        assertThat(JobPayload.encode(job)).isEqualTo("type=eventhandler\nstart_time=1700000000.000005\n"
                + "core_time=1700000000.000005\ncommand_line=/bin/restart-httpd\n\n\n");
    }

    @Test
    void roundTrips() throws Exception {
        assertThat(JobPayload.decode(JobPayload.encode(SERVICE_JOB))).isEqualTo(SERVICE_JOB);
        assertThat(JobPayload.decode(SERVICE_JOB_TEXT)).isEqualTo(SERVICE_JOB);
    }

    @Test
    void roundTripsThroughTheEncryptedTransport() throws Exception {
        PayloadCodec codec = PayloadCodec.encrypted(PayloadCodecTest.KEY);
        assertThat(JobPayload.decode(codec.decode(codec.encode(JobPayload.encode(SERVICE_JOB))))).isEqualTo(SERVICE_JOB);
        assertThat(JobPayload.decode(codec.decode(PayloadCodecTest.SERVICE_JOB_ENCRYPTED))).isEqualTo(SERVICE_JOB);
    }

    @Test
    void readsAnOlderModulesJob() throws Exception {
        // mod_gearman 3's handle_svc_check: "type=service\nresult_queue=%s\nhost_name=%s\nservice_description=%s\n
        // start_time=%ld.0\nnext_check=%ld.0\ncore_time=%Lf\ntimeout=%d\ncommand_line=%s\n\n\n"
        CheckJob job = JobPayload.decode("type=service\nresult_queue=check_results\nhost_name=web1\n"
                + "service_description=HTTP\nstart_time=1700000000.0\nnext_check=1700000000.0\n"
                + "core_time=1700000000.250000\ntimeout=60\ncommand_line=check_http -H web1\n\n\n");
        assertThat(job.coreTime()).isEqualTo(new GmTime(1_700_000_000L, 250_000));
        assertThat(job.targetQueue()).isEmpty();
        // send_command.pl: no core_time, the start_time stands for it (worker_client.c)
        CheckJob host = JobPayload.decode("type=host\nresult_queue=check_results\nhost_name=h\n"
                + "start_time=1700000000.0\nnext_check=1700000000.0\ntimeout=10\ncore_time=1700000000.5\n"
                + "command_line=true\n\n\n");
        assertThat(host.coreTime()).isEqualTo(new GmTime(1_700_000_000L, 500_000));
    }

    @Test
    void stopsAtTheFirstEmptyLineAsModGearmanDoes() throws Exception {
        assertThat(JobPayload.decode(SERVICE_JOB_TEXT + "garbage after the end")).isEqualTo(SERVICE_JOB);
    }

    @Test
    void rejectsMalformedJobsNamingTheLine() {
        assertBad(SERVICE_JOB_TEXT.replace("timeout=60", "timeout=sixty"),
                "job payload line 7: timeout='sixty' is not an integer");
        assertBad(SERVICE_JOB_TEXT.replace("timeout=60", "timeout 60"),
                "job payload line 7: expected key=value, got 'timeout 60'");
        assertBad(SERVICE_JOB_TEXT.replace("timeout=60", "colour=blue"), "job payload line 7: unknown key 'colour'");
        assertBad(SERVICE_JOB_TEXT.replace("core_time=1700000000.250000", "core_time=yesterday"),
                "job payload line 6: core_time='yesterday' is not a time sec.usec");
        assertBad(SERVICE_JOB_TEXT.replace("host_name=web1", "host_name="),
                "job payload line 4: 'host_name' is empty");
        assertBad(SERVICE_JOB_TEXT.replace("timeout=60", "host_name=web2"),
                "job payload line 7: 'host_name' given twice (first on line 4)");
        assertBad(SERVICE_JOB_TEXT.replace("type=service", "type=check"), "type='check' is not host, service");
        assertBad(SERVICE_JOB_TEXT.replace("service_description=HTTP\n", ""),
                "service check has no 'service_description' line");
        assertBad(SERVICE_JOB_TEXT.replace("command_line=", "comment="), "unknown key 'comment'");
        assertBad(SERVICE_JOB_TEXT.replace("command_line=/usr/lib/nagios/plugins/check_http -H web1\n", ""),
                "job payload has no 'command_line' line");
        assertBad("\n\n", "job payload is empty");
        assertBad("=x\n", "job payload line 1: expected key=value, got '=x'");
    }

    @Test
    void refusesToWriteANewlineInAValue() {
        CheckJob job = CheckJob.host("check_results", "host", "gw", new GmTime(1, 0), 5, "echo a\necho b");
        assertThatThrownBy(() -> JobPayload.encode(job)).hasMessageContaining("command_line cannot hold a newline");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> JobPayload.decode(text)).isInstanceOf(PayloadException.class)
                .hasMessageContaining(message);
    }
}
