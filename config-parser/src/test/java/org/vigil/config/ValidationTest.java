package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {

    @TempDir
    Path dir;

    @Test
    void everyBadReferenceIsReportedAtItsOwnLineInOneRun() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    use            generic-host
                    host_name      web1
                    check_command  chek_dummy!1
                    check_period   24x8
                    parents        web9
                }
                define service {
                    use                 generic-service
                    host_name           web2
                    service_description ping
                }
                """);
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg:36: error: command 'chek_dummy' is not defined (expected the name of a command;"
                        + " did you mean 'check_dummy'?)",
                "objects.cfg:37: error: timeperiod '24x8' is not defined (expected the name of a timeperiod;"
                        + " did you mean '24x7'?)",
                "objects.cfg:38: error: host 'web9' is not defined (expected the name of a host; did you mean 'web1'?)",
                "objects.cfg:42: error: host 'web2' is not defined (expected the name of a host; did you mean 'web1'?)");
    }

    @Test
    void missingRequiredValuesAndBadNumbers() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    host_name      web1
                    check_interval five
                    contacts       admin
                }
                define service {
                    host_name           web1
                    service_description ping
                    max_check_attempts  0
                    notification_options w,x
                }
                """);
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg:33: error: host 'web1' has no max_check_attempts (expected 'max_check_attempts N' here"
                        + " or in a template)",
                "objects.cfg:35: error: check_interval 'five' is not valid (expected a number)",
                "objects.cfg:38: error: service 'ping' on host 'web1' has no check_command (expected"
                        + " 'check_command NAME[!ARG...]' here or in a template)",
                "objects.cfg:41: error: max_check_attempts '0' is not valid (expected a whole number of 1 or more)",
                "objects.cfg:42: error: notification_options has an unknown option 'x' (expected a comma-separated"
                        + " list of w,u,c,r,f,s, or a for all, n for none)");
    }

    @Test
    void circularParentsAndDependenciesAreErrors() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    use generic-host
                    host_name a
                    parents b
                }
                define host {
                    use generic-host
                    host_name b
                    parents a
                }
                define hostdependency {
                    host_name a
                    dependent_host_name b
                    notification_failure_criteria d
                }
                define hostdependency {
                    host_name b
                    dependent_host_name a
                    notification_failure_criteria d
                }
                """);
        assertThat(c.errors(r)).anySatisfy(m -> assertThat(m).contains("circular parent/child relationship"));
        assertThat(c.errors(r)).anySatisfy(m -> assertThat(m).contains("circular notification host dependency"));
    }

    @Test
    void unknownMainDirectiveIsAWarningWithSuggestion() {
        TestConfig c = new TestConfig(dir);
        c.objects(TestConfig.BASE);
        LoadResult r = c.main("cfg_file=minimal.cfg\ncfg_file=objects.cfg\nstatus_fiel=/tmp/x\n"
                + "illegal_macro_output_chars=`\n");
        assertThat(c.messages(r)).containsExactly("nagios.cfg:3: warning: unknown main config directive"
                + " 'status_fiel' is ignored (did you mean 'status_file'?)");
        assertThat(r.ok()).isTrue();
    }
}
