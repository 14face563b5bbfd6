package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/**
 * Chains 5,000 deep, which nagios4 -v accepts, load (and timeperiods evaluate) on a small thread stack: the
 * walks over templates, nested groups and exclusions keep their own stack. A recursive walk overflowed here.
 */
class DeepChainTest {

    private static final int DEPTH = 5_000;
    /** Small enough that a recursive walk of {@link #DEPTH} overflows, as it did on the main thread's default. */
    private static final long STACK_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    enum Chain {
        HOST_TEMPLATES(i -> i == 0 ? "define host {\n name t0\n register 0\n max_check_attempts 2\n}\n"
                : "define host {\n name t" + i + "\n use t" + (i - 1) + "\n register 0\n}\n",
                "define host {\n host_name h\n use t" + (DEPTH - 1) + "\n}\n"),
        TIMEPERIOD_TEMPLATES(i -> i == 0 ? "define timeperiod {\n name q0\n register 0\n monday 00:00-24:00\n}\n"
                : "define timeperiod {\n name q" + i + "\n use q" + (i - 1) + "\n register 0\n}\n",
                "define timeperiod {\n timeperiod_name p\n alias p\n use q" + (DEPTH - 1) + "\n}\n"),
        HOSTGROUPS(i -> "define hostgroup {\n hostgroup_name g" + i + "\n"
                + (i == 0 ? " members " + TestConfig.MINIMAL_HOST + "\n" : " hostgroup_members g" + (i - 1) + "\n") + "}\n",
                "define service {\n hostgroup_name g" + (DEPTH - 1) + "\n service_description s\n"
                        + " check_command minimal-check\n max_check_attempts 1\n}\n"),
        SERVICEGROUPS(i -> "define servicegroup {\n servicegroup_name g" + i + "\n"
                + (i == 0 ? " members " + TestConfig.MINIMAL_HOST + ",minimal\n" : " servicegroup_members g" + (i - 1)
                + "\n") + "}\n", ""),
        CONTACTGROUPS(i -> "define contactgroup {\n contactgroup_name g" + i + "\n"
                + (i == 0 ? " members minimal-contact\n" : " contactgroup_members g" + (i - 1) + "\n") + "}\n", ""),
        TIMEPERIOD_EXCLUSIONS(i -> "define timeperiod {\n timeperiod_name p" + i + "\n alias p\n monday 00:00-24:00\n"
                + (i == 0 ? "" : " exclude p" + (i - 1) + "\n") + "}\n", "");

        final IntFunction<String> link;
        final String user;

        Chain(IntFunction<String> link, String user) {
            this.link = link;
            this.user = user;
        }

        /** The chain written deepest link last, so that resolving the first walks the whole chain. */
        String text() {
            return user + IntStream.range(0, DEPTH).map(i -> DEPTH - 1 - i).mapToObj(link)
                    .collect(Collectors.joining());
        }
    }

    @ParameterizedTest
    @EnumSource(Chain.class)
    void deepChainLoadsOnASmallStack(Chain chain) throws Exception {
        TestConfig c = new TestConfig(dir);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                LoadResult r = c.objects(chain.text());
                if (r.ok()) {
                    // evaluating the period that excludes all the others walks the chain once more
                    TimeperiodSchedule periods = r.model().compileTimeperiods(java.time.ZoneOffset.UTC,
                            r.diagnostics());
                    periods.find("p" + (DEPTH - 1)).ifPresent(p -> p.contains(java.time.Instant.EPOCH));
                }
                outcome.set(r);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "deep-chain", STACK_BYTES);
        t.start();
        t.join();

        assertThat(outcome.get()).isInstanceOf(LoadResult.class);
        LoadResult r = (LoadResult) outcome.get();
        assertThat(c.errors(r)).isEmpty();
    }
}
