package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.main.GearmanModuleLine;
import org.vigil.worker.gearman.ServerAddress;

/** module.conf, the broker_module line and later keys read into DispatchSettings with mod_gearman's defaults. */
class DispatchConfReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private GearmanModuleLine line(String args) {
        return GearmanModuleLine.parse("/usr/lib/mod_gearman/mod_gearman_naemon.o " + args,
                new SourceLocation(dir.resolve("nagios.cfg"), 7));
    }

    private DispatchReading fromLine(String args) {
        return new DispatchConfReader().moduleLine(line(args), dir).read();
    }

    private String nagiosCfg() {
        return dir.resolve("nagios.cfg") + ":7";
    }

    @Test
    void shippedModuleConfReadsToItsSettingsWithWarningsForWhatVigilDoesNotActOn() throws URISyntaxException {
        Path conf = Path.of(getClass().getResource("/dispatch/mod_gearman_neb.conf").toURI());
        DispatchReading r = fromLine("config=" + conf);
        assertThat(r.errors()).isEmpty();
        DispatchSettings s = r.settings().orElseThrow();
        assertThat(s.servers()).containsExactly(new ServerAddress("localhost", 4730));
        assertThat(s.dupServers()).isEmpty();
        assertThat(s.key()).isEqualTo("should_be_changed");
        assertThat(s.encryption()).isTrue();
        assertThat(s.acceptClearResults()).isFalse();
        assertThat(List.of(s.hosts(), s.services(), s.eventhandler(), s.notifications())).containsOnly(true);
        assertThat(s.doHostchecks()).isTrue();
        assertThat(s.routeEventhandlerLikeChecks()).isFalse();
        assertThat(s.hostgroups()).isEmpty();
        assertThat(s.localHostgroups()).isEmpty();
        assertThat(s.localServicegroups()).isEmpty();
        assertThat(s.queueCustomVariable()).contains("WORKER");
        assertThat(s.useUniqJobs()).isTrue();
        assertThat(s.resultQueue()).isEqualTo("check_results");
        assertThat(s.resultWorkers()).isEqualTo(1);
        assertThat(s.orphanHostChecks()).isTrue();
        assertThat(s.orphanServiceChecks()).isTrue();
        assertThat(s.orphanReturn()).isEqualTo(2);
        assertThat(s.orphanAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.localFallbackAfter()).contains(Duration.ofSeconds(60));
        assertThat(r.warnings()).extracting(w -> w.substring(w.indexOf(": warning: ") + 11)).containsExactly(
                "mod_gearman option 'debug' is ignored by Vigil: Vigil logs dispatch problems in its own log"
                        + " (vigil.yml's logging:)",
                "mod_gearman option 'logfile' is ignored by Vigil: Vigil logs dispatch problems in its own log"
                        + " (vigil.yml's logging:)",
                "mod_gearman option 'perfdata' is ignored by Vigil: performance data is not queued on gearmand;"
                        + " Vigil's own performance data files and metric writers (metric_writers:) take it",
                "mod_gearman option 'perfdata_send_all' is ignored by Vigil: performance data is not queued on"
                        + " gearmand; Vigil's own performance data files and metric writers (metric_writers:) take it",
                "mod_gearman option 'perfdata_mode' is ignored by Vigil: performance data is not queued on gearmand;"
                        + " Vigil's own performance data files and metric writers (metric_writers:) take it",
                "mod_gearman option 'latency_flatten_window' is ignored by Vigil: a result's latency is kept as"
                        + " measured, not flattened",
                "mod_gearman option 'internal_check_dummy' is ignored by Vigil: which checks run without a plugin"
                        + " is decided by Vigil's built-in checks (vigil.yml's builtin_checks:)");
        assertThat(r.warnings().get(0)).startsWith(conf + ":4: warning: ");
        assertThat(r.describe()).isEqualTo("Checks go to gearmand at localhost:4730: queues host, service,"
                + " eventhandler, notification; _WORKER names a queue; key given inline; results on check_results");
    }

    @Test
    void withNoQueueNamedTheNebModuleDefaultsToHostServiceAndEventhandler() {
        DispatchSettings s = fromLine("server=127.0.0.1 encryption=no").settings().orElseThrow();
        assertThat(List.of(s.hosts(), s.services(), s.eventhandler())).containsOnly(true);
        assertThat(s.notifications()).isFalse();
        assertThat(s.servers()).containsExactly(new ServerAddress("127.0.0.1", 4730));
        assertThat(s.key()).isNull();
        assertThat(s.queueCustomVariable()).isEmpty();
    }

    @Test
    void namingAnyQueueTurnsTheDefaultQueuesOffAsMod_gearmanDoes() {
        DispatchSettings s = fromLine("server=a:1 encryption=no hostgroups=web,db").settings().orElseThrow();
        assertThat(List.of(s.hosts(), s.services(), s.eventhandler(), s.notifications())).containsOnly(false);
        assertThat(s.hostgroups()).containsExactly("web", "db");
        // a non-empty perfdata= counts as naming a queue in mod_gearman's parse_args_line
        DispatchSettings p = fromLine("server=a:1 encryption=no perfdata=no").settings().orElseThrow();
        assertThat(p.hosts()).isFalse();
    }

    @Test
    void everyKeyVigilActsOnIsRead() throws IOException {
        Path key = write("secret.key", "0123456789abcdef0123456789abcdefTAIL\nsecond line\n");
        Path conf = write("module.conf", """
                server=g1:4731, g2
                server=g3:4732
                dupserver=d1:4733
                keyfile=%s
                key=ignored_because_keyfile_wins
                encryption=on
                accept_clear_results=yes
                hosts=yes
                services=no
                eventhandlers=true
                notification=1
                do_hostchecks=off
                route_eventhandler_like_checks=yes
                hostgroup=web
                hostgroups=db,mail
                servicegroups=http
                localhostgroups=office
                localservicegroup=printers, desks
                queue_custom_variable=_worker
                use_uniq_jobs=no
                result_queue=check_results_node2
                result_workers=3
                orphan_host_checks=no
                orphan_service_checks=false
                orphan_return=3
                """.formatted(key));
        DispatchReading r = fromLine("config=module.conf");
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.keyFile()).contains(key);
        DispatchSettings s = r.settings().orElseThrow();
        assertThat(s.servers()).containsExactly(new ServerAddress("g1", 4731), new ServerAddress("g2", 4730),
                new ServerAddress("g3", 4732));
        assertThat(s.dupServers()).containsExactly(new ServerAddress("d1", 4733));
        assertThat(s.key()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(s.acceptClearResults()).isTrue();
        assertThat(List.of(s.hosts(), s.services(), s.eventhandler(), s.notifications()))
                .containsExactly(true, false, true, true);
        assertThat(s.doHostchecks()).isFalse();
        assertThat(s.routeEventhandlerLikeChecks()).isTrue();
        assertThat(s.hostgroups()).containsExactly("web", "db", "mail");
        assertThat(s.servicegroups()).containsExactly("http");
        assertThat(s.localHostgroups()).containsExactly("office");
        assertThat(s.localServicegroups()).containsExactly("printers", "desks");
        assertThat(s.queueCustomVariable()).contains("WORKER");
        assertThat(s.useUniqJobs()).isFalse();
        assertThat(s.resultQueue()).isEqualTo("check_results_node2");
        assertThat(s.resultWorkers()).isEqualTo(3);
        assertThat(s.orphanHostChecks()).isFalse();
        assertThat(s.orphanServiceChecks()).isFalse();
        assertThat(s.orphanReturn()).isEqualTo(3);
        // do_hostchecks=off: host checks stay on this machine, so no host queue
        assertThat(r.describe()).isEqualTo("Checks go to gearmand at g1:4731, g2:4730, g3:4732: queues"
                + " eventhandler, notification, hostgroup_web, hostgroup_db, hostgroup_mail, servicegroup_http"
                + "; local: hostgroup office, servicegroup printers, servicegroup desks; _WORKER names a queue; key"
                + " from " + key + "; results on check_results_node2");
    }

    @Test
    void inlineArgumentsAreReadInOrderAfterAndBeforeTheConfigFile() throws IOException {
        write("module.conf", "server=file:4730\nkey=fromfile\nhosts=yes\n");
        DispatchSettings s = fromLine("key=first config=module.conf result_queue=mine").settings().orElseThrow();
        assertThat(s.key()).isEqualTo("fromfile");
        assertThat(s.resultQueue()).isEqualTo("mine");
        assertThat(s.hosts()).isTrue();
        assertThat(s.services()).isFalse();
    }

    @Test
    void laterKeysReplaceEarlierOnesAndNamingAQueueReplacesEveryQueue() throws IOException {
        Path keyFile = write("k", "fromfile\n");
        write("module.conf", "server=a:1\nserver=b:2\nkeyfile=" + keyFile + "\nhostgroups=web\nservices=yes\n");
        Map<String, String> yml = new LinkedHashMap<>();
        yml.put("server", "c:3");
        yml.put("key", "inline");
        yml.put("hosts", "yes");
        DispatchReading r = new DispatchConfReader().moduleLine(line("config=module.conf"), dir)
                .override("vigil.yml, gearman:", yml).orphanAfter(Duration.ofSeconds(30))
                .localFallbackAfter(Optional.empty()).read();
        DispatchSettings s = r.settings().orElseThrow();
        assertThat(s.servers()).containsExactly(new ServerAddress("c", 3));
        assertThat(s.key()).isEqualTo("inline");
        assertThat(r.keyFile()).isEmpty();
        assertThat(s.hostgroups()).isEmpty();
        assertThat(List.of(s.hosts(), s.services(), s.eventhandler())).containsExactly(true, false, false);
        assertThat(s.orphanAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.localFallbackAfter()).isEmpty();
    }

    @Test
    void errorsNameFileAndLineAndWhatWasExpected() throws IOException {
        Path conf = write("module.conf", """
                server=localhost:4730
                servers=other:4730
                encryption=maybe
                orphan_return=7
                result_workers=many
                hostgroups=%s
                keyfile=%s
                dupserver=host:port
                """.formatted("g".repeat(51), dir.resolve("missing.key")));
        DispatchReading r = fromLine("config=module.conf");
        assertThat(r.settings()).isEmpty();
        assertThat(r.errors()).containsExactly(
                conf + ":2: error: unknown mod_gearman option 'servers' (did you mean 'server'?)",
                conf + ":3: error: encryption: expected yes/no, on/off, true/false or 1/0, got 'maybe'",
                conf + ":5: error: result_workers: expected a whole number, got 'many'",
                conf + ":6: error: hostgroups: group name '" + "g".repeat(51) + "' is longer than mod_gearman's 50"
                        + " characters",
                conf + ":8: error: dupserver: expected host:port, got 'host:port'",
                conf + ":7: error: key file " + dir.resolve("missing.key") + " does not exist (expected the shared"
                        + " key on its first line)",
                conf + ":4: error: orphan_return: expected 0, 1, 2 or 3 (OK, WARNING, CRITICAL, UNKNOWN), got 7");
        assertThat(r.describe()).isEqualTo("Checks would run on this machine: the gearman settings have errors");
    }

    @Test
    void noServerNoKeyAndAMissingConfigAreErrorsAtTheModuleLine() {
        assertThat(fromLine("hosts=yes").errors()).containsExactly(
                nagiosCfg() + ": error: no gearmand server given (expected server=host:port in module.conf, on the"
                        + " broker_module line or in vigil.yml's gearman: server)",
                nagiosCfg() + ": error: encryption is on but no key is given (expected key=..., keyfile=... or"
                        + " encryption=no)");
        assertThat(fromLine("config=nowhere.conf server=a:1 key=k").errors()).containsExactly(
                nagiosCfg() + ": error: config file " + dir.resolve("nowhere.conf") + " does not exist");
        assertThat(fromLine("").errors()).first().asString().contains("the mod_gearman module line has no"
                + " arguments");
    }

    @Test
    void workerKeysInModuleConfAreWarningsNotErrors() throws IOException {
        Path conf = write("module.conf", "server=a:1\nkey=k\nmax-worker=10\nidentifier=me\njob_timeout=30\n");
        DispatchReading r = fromLine("config=" + conf);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).containsExactly(
                conf + ":3: warning: mod_gearman option 'max-worker' is ignored by Vigil: it is a worker's setting"
                        + " (worker.conf); the central node does not use it",
                conf + ":4: warning: mod_gearman option 'identifier' is ignored by Vigil: it is a worker's setting"
                        + " (worker.conf); the central node does not use it",
                conf + ":5: warning: mod_gearman option 'job_timeout' is ignored by Vigil: it is a worker's setting"
                        + " (worker.conf); the central node does not use it");
    }

    @Test
    void resultWorkersZeroIsAWarningNegativeAnError() {
        assertThat(fromLine("server=a:1 encryption=no result_workers=0").warnings()).containsExactly(nagiosCfg()
                + ": warning: result_workers=0: this node reads no results; every check sent ends orphaned unless"
                + " another node reads them for it");
        assertThat(fromLine("server=a:1 encryption=no result_workers=-1").errors()).containsExactly(nagiosCfg()
                + ": error: result_workers: expected 0 or more, got -1");
    }

    @Test
    void nothingConfiguredMeansChecksRunLocally() {
        DispatchReading r = new DispatchConfReader().read();
        assertThat(r).isEqualTo(DispatchReading.LOCAL);
        assertThat(r.describe()).isEqualTo("Checks run on this machine (no mod_gearman broker_module line, no"
                + " gearman: in vigil.yml)");
    }
}
