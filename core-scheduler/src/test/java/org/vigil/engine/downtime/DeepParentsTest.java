package org.vigil.engine.downtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;
import org.vigil.engine.testkit.CloseAfterEach;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.TestConfig;

/**
 * {@code SCHEDULE_AND_PROPAGATE_*_HOST_DOWNTIME} through the command path on configs no recursion survives: a chain
 * of 20,000 hosts, each the parent of the next, gets every downtime in Nagios's order (the deepest child first,
 * each triggered by the top host's); a lattice of parents with 2^40 paths is refused at the total limit at once,
 * with nothing scheduled, where following every path would never end.
 */
class DeepParentsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final int DEPTH = 20_000;

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();

    private static final String BASE = TestConfig.CHECK_AND_ADMIN + """
            define host {
                name base
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
                register 0
            }
            """;

    /** An engine on {@code hosts} and a service of {@code firstHost} (a config needs one). */
    private EngineFixture start(String hosts, String firstHost) throws Exception {
        LoadResult config = TestConfig.load(dir, "", BASE + hosts + "define service {\n host_name " + firstHost
                + "\n service_description ping\n check_command check\n max_check_attempts 1\n check_interval 5\n"
                + " retry_interval 1\n contacts admin\n}\n");
        return closing.add(EngineFixture.on(config, T0).start());
    }

    private static String host(String name, String parents) {
        return "define host {\n use base\n host_name " + name + "\n address 10.0.0.1\n"
                + (parents.isEmpty() ? "" : " parents " + parents + "\n") + "}\n";
    }

    private void send(EngineFixture fx, String command) throws Exception {
        fx.commands.submitLine("[" + T0.getEpochSecond() + "] " + command);
        fx.awaitIdle();
    }

    @Test
    void aChainOfTwentyThousandParentsGetsEveryDowntimeDeepestFirst() throws Exception {
        StringBuilder hosts = new StringBuilder(host("h0", ""));
        for (int i = 1; i < DEPTH; i++) {
            hosts.append(host("h" + i, "h" + (i - 1)));
        }
        EngineFixture fx = start(hosts.toString(), "h0");
        long from = T0.getEpochSecond() + 3600;
        send(fx, "SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;h0;" + from + ";" + (from + 600) + ";1;0;0;ops;net");

        List<Downtime> all = fx.engine.call(() -> fx.engine.downtimes().all());
        assertThat(all).hasSize(DEPTH);
        // the top host's first, then Nagios's order: each child's children before the child
        assertThat(all.get(0).target().hostName()).isEqualTo("h0");
        assertThat(all.get(1).target().hostName()).isEqualTo("h" + (DEPTH - 1));
        assertThat(all.get(DEPTH - 1).target().hostName()).isEqualTo("h1");
        assertThat(all.stream().skip(1).allMatch(d -> d.triggeredBy() == all.get(0).id())).isTrue();
        assertThat(fx.log.all()).doesNotContain("Error");
    }

    @Test
    void aLatticeOfParentsIsRefusedAtTheTotalLimitWithoutWalkingEveryPath() throws Exception {
        // level i has a{i} and b{i}, both children of a{i-1} and b{i-1}: 2^40 paths down from the top
        StringBuilder hosts = new StringBuilder(host("top", ""));
        String parents = "top";
        for (int i = 1; i <= 40; i++) {
            hosts.append(host("a" + i, parents)).append(host("b" + i, parents));
            parents = "a" + i + ",b" + i;
        }
        EngineFixture fx = start(hosts.toString(), "top");
        long from = T0.getEpochSecond() + 3600;
        long started = System.nanoTime();
        send(fx, "SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME;top;" + from + ";" + (from + 600) + ";1;0;0;ops;net");

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(fx.engine.call(() -> fx.engine.downtimes().count())).isZero();
        assertThat(fx.log.all()).contains("returned error Command failed (there are 0 downtimes and this command adds"
                + " more than 100001, past the most allowed, 100000 (limits.max_downtimes in vigil.yml))");
    }
}
