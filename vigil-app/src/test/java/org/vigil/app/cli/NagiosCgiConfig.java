package org.vigil.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration {@link NagiosCgiProcessTest} runs: one host with two active services and a passive one, in
 * groups, with an escalation and a dependency (every kind of object the CGIs read from objects.cache), checked by
 * a plugin that writes each of its runs to {@code runs.log}; the files the CGIs read at absolute paths.
 */
final class NagiosCgiConfig {

    private NagiosCgiConfig() {
    }

    static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("var/archives"));
        Path plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, """
                #!/bin/sh
                # KIND STATE HOST [SERVICE]: one line per run, then the result
                echo "$1 $3${4:+ $4}" >> %s
                echo "run $1 state $2"
                exit "$2"
                """.formatted(dir.resolve("runs.log")));
        String var = dir.resolve("var").toString();
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=%1$s/objects.cfg
                log_file=%2$s/nagios.log
                log_archive_path=%2$s/archives
                object_cache_file=%2$s/objects.cache
                lock_file=%2$s/vigil.lock
                status_file=%2$s/status.dat
                command_file=%2$s/nagios.cmd
                check_external_commands=1
                status_update_interval=1
                state_retention_file=%2$s/retention.dat
                interval_length=1
                log_initial_states=1
                """.formatted(dir, var));
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define timeperiod {
                    timeperiod_name 24x7
                    alias always
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                    sunday 00:00-24:00
                }
                define command {
                    command_name check_run
                    command_line /bin/sh %1$s svc $ARG1$ $HOSTNAME$ $SERVICEDESC$
                }
                define command {
                    command_name check_host_run
                    command_line /bin/sh %1$s host $ARG1$ $HOSTNAME$
                }
                define command {
                    command_name notify
                    command_line /bin/true
                }
                define contact {
                    contact_name nagiosadmin
                    host_notification_period 24x7
                    service_notification_period 24x7
                    service_notification_options w,u,c,r
                    host_notification_options d,u,r
                    host_notification_commands notify
                    service_notification_commands notify
                }
                define contactgroup {
                    contactgroup_name admins
                    alias Admins
                    members nagiosadmin
                }
                define host {
                    host_name web1
                    alias Web one
                    address 127.0.0.1
                    check_command check_host_run!0
                    max_check_attempts 1
                    check_interval 5
                    check_period 24x7
                    notification_period 24x7
                    contact_groups admins
                }
                define hostgroup {
                    hostgroup_name webservers
                    alias Web servers
                    members web1
                }
                define service {
                    name active
                    register 0
                    host_name web1
                    max_check_attempts 1
                    check_interval 5
                    retry_interval 5
                    check_period 24x7
                    notification_period 24x7
                    notification_interval 0
                    contact_groups admins
                }
                define service {
                    use active
                    service_description Disk
                    check_command check_run!2
                }
                define service {
                    use active
                    service_description Load
                    check_command check_run!0
                }
                define service {
                    use active
                    service_description Passive
                    check_command check_run!0
                    active_checks_enabled 0
                    passive_checks_enabled 1
                }
                define servicegroup {
                    servicegroup_name storage
                    alias Storage
                    members web1,Disk
                }
                define serviceescalation {
                    host_name web1
                    service_description Disk
                    first_notification 2
                    last_notification 0
                    notification_interval 10
                    contact_groups admins
                }
                define servicedependency {
                    host_name web1
                    service_description Disk
                    dependent_host_name web1
                    dependent_service_description Load
                    notification_failure_criteria c
                    execution_failure_criteria n
                }
                """.formatted(plugin));
    }
}
