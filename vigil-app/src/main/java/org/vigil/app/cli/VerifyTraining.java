package org.vigil.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The class data sharing training of short commands ({@code vigil cds-training --verify DIR}): {@code vigil verify}
 * of the training config with what large configs hold added (templates two deep, host and service groups, services
 * on a host group, custom variables, a contact group, dependencies, escalations, an ignored directive's warning),
 * so the archive holds the classes of every stage of the config reader.
 */
final class VerifyTraining {

    private VerifyTraining() {
    }

    /** Adds the objects to the config {@link CdsTrainingCommand} wrote in {@code dir} and verifies it; 0 when valid. */
    static int run(Path dir, PrintStream err) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=" + dir.resolve("more.cfg") + "\n"
                + "use_large_installation_tweaks=1\ncheck_result_path=" + dir.resolve("var") + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("more.cfg"), OBJECTS);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
        VerifyCommand verify = new VerifyCommand(out, err);
        verify.config = dir.resolve("nagios.cfg");
        verify.dump = dir.resolve("objects.cache");
        int rc = VerifyArguments.run(verify, out, err);
        if (rc != 0) {
            err.println("vigil cds-training: the training config did not verify:\n" + report.toString(
                    StandardCharsets.UTF_8));
        }
        return rc;
    }

    private static final String OBJECTS = """
            define contactgroup {
                contactgroup_name  admins
                alias              Admins
                members            admin
            }
            define host {
                name                  generic-host
                check_command         ok
                max_check_attempts    3
                check_interval        5
                retry_interval        1
                check_period          24x7
                notification_period   24x7
                notification_options  d,u,r
                contact_groups        admins
                _RACK                 r1
                register              0
            }
            define host {
                name                  linux-host
                use                   generic-host
                hostgroups            +linux
                register              0
            }
            define hostgroup {
                hostgroup_name  linux
                alias           Linux servers
            }
            define servicegroup {
                servicegroup_name  system
                alias              System
            }
            define service {
                name                   generic-service
                max_check_attempts     3
                check_interval         5
                retry_interval         1
                check_period           24x7
                notification_period    24x7
                notification_interval  60
                notification_options   w,u,c,r
                contact_groups         admins
                register               0
            }
            define service {
                hostgroup_name       linux
                service_description  Load
                use                  generic-service
                check_command        ok
                servicegroups        system
                _WARN                5.0
            }
            define host {
                host_name  web1
                alias      Web 1
                address    127.0.0.2
                use        linux-host
                parents    training
            }
            define host {
                host_name  web2
                address    127.0.0.3
                use        linux-host
            }
            define service {
                host_name            web1,web2
                service_description  HTTP
                use                  generic-service
                check_command        critical
            }
            define hostdependency {
                host_name                      training
                dependent_host_name            web1
                notification_failure_criteria  d,u
            }
            define servicedependency {
                host_name                      web1
                service_description            Load
                dependent_host_name            web1
                dependent_service_description  HTTP
                execution_failure_criteria     c
            }
            define hostescalation {
                host_name              web1
                first_notification     2
                last_notification      0
                notification_interval  30
                contact_groups         admins
            }
            define serviceescalation {
                hostgroup_name         linux
                service_description    HTTP
                first_notification     2
                last_notification      5
                notification_interval  30
                contacts               admin
            }
            """;
}
