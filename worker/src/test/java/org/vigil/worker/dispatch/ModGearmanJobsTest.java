package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobPayload;

/** mod_gearman's unique ids (its own test vectors), priorities, job fields and orphan results. */
class ModGearmanJobsTest {

    @Test
    void uniqueIdsAreMakeUniqsVectorsFromModGearmansTests() {
        // t/01-utils.c: make_uniq(uniq, "%s", ...) and make_uniq(uniq, "%s-%s", host, service)
        assertThat(ModGearmanJobs.uniqueId(CheckSubject.host("test - test")))
                .isEqualTo("3A9E4A6A2E66AF990948D81E004B3AC0");
        assertThat(ModGearmanJobs.uniqueId(CheckSubject.host("x".repeat(192))))
                .isEqualTo("06750ADDEC6E07D61B2EAF2D24FAE87E");
        assertThat(ModGearmanJobs.uniqueId(CheckSubject.service("xxx-xxxxx-xxxxxx.xxxxxxxxxx.xxxxxx.xx",
                "xxxx_xxxx_xxxxx_xxx_xx"))).isEqualTo("91DE277E8197840A3261751C712698E0");
        assertThat(ModGearmanJobs.uniqueId(CheckSubject.host("h".repeat(1023))))
                .as("make_uniq formats into 1024 bytes: what is past 1023 is not hashed")
                .isEqualTo(ModGearmanJobs.uniqueId(CheckSubject.host("h".repeat(1100))));
    }

    @Test
    void hostChecksGoAtNormalPriorityServiceChecksAtLow() {
        assertThat(ModGearmanJobs.priority(CheckSubject.host("h"))).isEqualTo(JobPriority.NORMAL);
        assertThat(ModGearmanJobs.priority(CheckSubject.service("h", "s"))).isEqualTo(JobPriority.LOW);
    }

    @Test
    void theJobCarriesTheQueuesThePlannedTimeAndTheTimeoutInWholeSeconds() {
        Instant planned = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        CheckJob job = ModGearmanJobs.job(CheckSubject.host("db1"), "check_results", "hostgroup_db", planned,
                Duration.ofMillis(30_500), "/bin/true");
        assertThat(JobPayload.encode(job)).isEqualTo("type=host\nresult_queue=check_results\n"
                + "target_queue=hostgroup_db\nhost_name=db1\ncore_time=1700000000.123456\ntimeout=31\n"
                + "command_line=/bin/true\n\n\n");
        assertThat(job.coreTime()).isEqualTo(new GmTime(1_700_000_000L, 123_456));
    }

    @Test
    void orphanResultsAreModGearmansTextAndReturnCode() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        PluginResult service = ModGearmanJobs.orphan(CheckSubject.service("h", "s"), "servicegroup_web", 1, now);
        assertThat(service.exitCode()).isEqualTo(1);
        assertThat(service.stdout())
                .isEqualTo("(service check orphaned, is the mod-gearman worker on queue 'servicegroup_web' running?)");
        assertThat(service.failure()).isNull();
        assertThat(service.start()).isEqualTo(now);
        assertThat(ModGearmanJobs.orphan(CheckSubject.host("h"), "host", 2, now).stdout())
                .isEqualTo("(host check orphaned, is the mod-gearman worker on queue 'host' running?)");
    }
}
