package org.vigil.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.DirectRunner;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.checks.result.CheckResult;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;

class ActiveCheckTest {

    @TempDir
    Path dir;

    LoadResult load(String extraMain) throws IOException {
        Path env = dir.resolve("env.sh");
        Files.writeString(env,
                "#!/bin/sh\necho \"$NAGIOS_SERVICEDESC on $NAGIOS_HOSTNAME rack=$NAGIOS__HOSTRACK arg=$1\"\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=/usr/lib/nagios/plugins\n$USER2$=" + dir + "\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define timeperiod {
                  timeperiod_name 24x7
                  alias always
                  monday 00:00-24:00
                }
                define contact {
                  contact_name admin
                  host_notification_period 24x7
                  service_notification_period 24x7
                  host_notification_commands dummy
                  service_notification_commands dummy
                }
                define command {
                  command_name dummy
                  command_line $USER1$/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                  command_name env
                  command_line $USER2$/env.sh $ARG1$
                }
                define host {
                  host_name h1
                  address 127.0.0.1
                  max_check_attempts 3
                  check_period 24x7
                  contacts admin
                  notification_period 24x7
                  check_command dummy!1!host warns
                  _RACK r42
                }
                define service {
                  host_name h1
                  service_description crit
                  max_check_attempts 3
                  check_period 24x7
                  contacts admin
                  notification_period 24x7
                  check_command dummy!2!$HOSTNAME$ is down
                }
                define service {
                  host_name h1
                  service_description env
                  max_check_attempts 3
                  check_period 24x7
                  contacts admin
                  notification_period 24x7
                  check_command env!first
                }
                """);
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nresource_file=resource.cfg\n" + extraMain);
        LoadResult r = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(r.ok()).as(r.diagnostics().all().toString()).isTrue();
        return r;
    }

    @Test
    void runsServiceAndHostChecksEndToEnd() throws Exception {
        LoadResult r = load("");
        try (DirectRunner runner = new DirectRunner(RunnerOptions.defaults())) {
            ActiveCheck check = ActiveCheck.of(r.model(), r.mainConfig(), RuntimeMacros.NONE, runner,
                    Clock.systemUTC());
            CheckResult svc = check.service(r.model().services().get(new ServiceKey("h1", "crit")));
            assertThat(svc.exit().code()).isEqualTo(2);
            assertThat(svc.output().text()).isEqualTo("CRITICAL: h1 is down");
            CheckResult host = check.host(r.model().hosts().get("h1"));
            assertThat(host.exit().code()).as("WARNING, which the engine reads as UP").isEqualTo(1);
            assertThat(host.output().text()).isEqualTo("WARNING: host warns");
            CheckResult noEnv = check.service(r.model().services().get(new ServiceKey("h1", "env")));
            assertThat(noEnv.output().text()).isEqualTo("on  rack= arg=first");
        }
    }

    @Test
    void exportsEnvironmentMacrosWhenEnabled() throws Exception {
        LoadResult r = load("enable_environment_macros=1\n");
        try (DirectRunner runner = new DirectRunner(RunnerOptions.defaults())) {
            ActiveCheck check = ActiveCheck.of(r.model(), r.mainConfig(), RuntimeMacros.NONE, runner,
                    Clock.systemUTC());
            CheckResult svc = check.service(r.model().services().get(new ServiceKey("h1", "env")));
            assertThat(svc.output().text()).isEqualTo("env on h1 rack=r42 arg=first");
        }
    }

    @Test
    void readsTimeoutsFromTheMainConfig() throws Exception {
        LoadResult r = load("service_check_timeout=7\nhost_check_timeout=3\nservice_check_timeout_state=u\n");
        ActiveCheck.Settings s = ActiveCheck.Settings.from(r.mainConfig());
        assertThat(s.serviceTimeout()).hasSeconds(7);
        assertThat(s.hostTimeout()).hasSeconds(3);
        assertThat(s.serviceTimeoutState().code()).isEqualTo(3);
        assertThat(ActiveCheck.Settings.from(load("").mainConfig()).serviceTimeout()).hasSeconds(60);
    }
}
