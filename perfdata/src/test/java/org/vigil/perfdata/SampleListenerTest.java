package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.Effects;
import org.vigil.engine.state.ServiceStatus;

/** Which results reach the writers: every one, except those of an object with {@code process_perf_data 0}. */
class SampleListenerTest {

    @TempDir
    Path dir;

    @Test
    void anObjectWithProcessPerfDataOffSendsNothing() throws Exception {
        LoadResult config = load("""
                define service {
                    host_name web
                    service_description kept
                    contacts admin
                    max_check_attempts 1
                    check_command check_dummy!0
                }
                define service {
                    host_name web
                    service_description quiet
                    contacts admin
                    max_check_attempts 1
                    check_command check_dummy!0
                    process_perf_data 0
                }
                """);
        MetricWriterTest.FakeTransport receiver = new MetricWriterTest.FakeTransport();
        MetricWriter writer = recorder(receiver);
        SampleListener listener = new SampleListener(config.model(), List.of(writer));
        config.model().services().forEach((key, service) -> listener.resultApplied(
                new CheckTarget(key.toString(), key.hostName(), key), new ServiceStatus(service), Effects.discarded()));
        writer.close(); // sends what is queued first
        assertThat(receiver.sent).containsExactly("kept");
    }

    @Test
    void aWriterThatWantsOnlyPerfdataIsNotOfferedAResultWithout() throws Exception {
        LoadResult config = load("""
                define service {
                    host_name web
                    service_description measured
                    contacts admin
                    max_check_attempts 1
                    check_command check_dummy!0
                }
                define service {
                    host_name web
                    service_description plain
                    contacts admin
                    max_check_attempts 1
                    check_command check_dummy!0
                }
                """);
        MetricWriterTest.FakeTransport receiver = new MetricWriterTest.FakeTransport();
        MetricWriter writer = recorder(receiver);
        List<String> storeOffers = new java.util.ArrayList<>();
        Path storeDir = Files.createDirectories(dir.resolve("store"));
        try (PerfdataStore store = new PerfdataStore(storeDir, new PerfdataStore.Limits(100, 100, 300, 1000),
                l -> { })) {
            SampleSink storeSeen = new SampleSink() { // what the listener offers the real store, by its own choice
                @Override
                public void offer(ResultSample sample) {
                    storeOffers.add(sample.service());
                }

                @Override
                public boolean wants(String perfData) {
                    return store.wants(perfData);
                }
            };
            SampleListener listener = new SampleListener(config.model(), List.of(writer, storeSeen));
            config.model().services().forEach((key, service) -> {
                ServiceStatus st = new ServiceStatus(service);
                st.setPerfData(key.description().equals("measured") ? "time=0.1s" : "");
                listener.resultApplied(new CheckTarget(key.toString(), key.hostName(), key), st,
                        Effects.discarded());
            });
        }
        writer.close();
        assertThat(receiver.sent).containsExactlyInAnyOrder("measured", "plain"); // a metric writer takes all
        assertThat(storeOffers).containsExactly("measured"); // the store only results with perfdata
    }

    /** Loads one host {@code web} with contact and command, and {@code services} (definitions) on it. */
    private LoadResult load(String services) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /bin/true
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name web
                    contacts admin
                    max_check_attempts 1
                    check_command check_dummy
                }
                """ + services);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    /** A started metric writer that sends each sample's service description to {@code receiver}. */
    private static MetricWriter recorder(MetricWriterTest.FakeTransport receiver) {
        receiver.away.set(false);
        MetricWriter writer = new MetricWriter("recorder", new GraphiteConfig(), 10,
                (s, out) -> out.append(s.service()).append('\n'), receiver, line -> { });
        writer.start();
        return writer;
    }
}
