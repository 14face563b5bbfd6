package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.Host;

class TemplateTest {

    @TempDir
    Path dir;

    private Host host(LoadResult r, String name) {
        return r.model().hosts().get(name);
    }

    @Test
    void firstListedTemplateWinsAndChainsResolveDepthFirst() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    name            a
                    use             generic-host
                    check_interval  7
                    register        0
                }
                define host {
                    name            b
                    check_interval  9
                    retry_interval  4
                    register        0
                }
                define host {
                    use        a,b
                    host_name  web1
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(host(r, "web1").check().checkInterval()).isEqualTo(7.0);
        assertThat(host(r, "web1").check().retryInterval()).isEqualTo(4.0);
        assertThat(host(r, "web1").check().maxCheckAttempts()).isEqualTo(3);
    }

    @Test
    void plusAppendsToTheInheritedValueAndNullStopsInheritance() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define contactgroup {
                    contactgroup_name ops
                    members admin
                }
                define contactgroup {
                    contactgroup_name dev
                    members admin
                }
                define host {
                    name            t
                    use             generic-host
                    contact_groups  ops
                    notes           template notes
                    register        0
                }
                define host {
                    use             t
                    host_name       plus
                    contact_groups  +dev
                }
                define host {
                    use             t
                    host_name       nulled
                    notes           null
                }
                define host {
                    use             generic-host
                    host_name       lone-plus
                    contact_groups  +dev
                }
                """);
        assertThat(c.errors(r)).isEmpty();
        assertThat(host(r, "plus").notification().contactGroups()).containsExactly("ops", "dev");
        assertThat(host(r, "nulled").links().notes()).isNull();
        assertThat(host(r, "lone-plus").notification().contactGroups()).containsExactly("dev");
    }

    @Test
    void customVariablesAreCaseInsensitiveAndInherited() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    name       t
                    use        generic-host
                    _rack      r1
                    _Site      ams
                    register   0
                }
                define host {
                    use        t
                    host_name  web1
                    _RACK      r9
                }
                """);
        assertThat(host(r, "web1").customVariables()).containsEntry("RACK", "r9").containsEntry("SITE", "ams");
    }

    @Test
    void templatesAreNotRegistered() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    name       t
                    host_name  would-be
                    use        generic-host
                    register   0
                }
                """);
        assertThat(r.model().hosts()).containsOnlyKeys(TestConfig.MINIMAL_HOST);
    }

    @Test
    void undefinedTemplateIsReportedAtTheUseLineWithSuggestion() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    use        generic-hots
                    host_name  web1
                    max_check_attempts 1
                }
                """);
        assertThat(c.errors(r)).containsExactly("objects.cfg:34: error: host template 'generic-hots' is not defined"
                + " (expected the 'name' of a host definition; did you mean 'generic-host'?)");
    }

    @Test
    void circularUseIsReportedNotLoopedOn() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(TestConfig.BASE + """
                define host {
                    name   a
                    use    b
                    register 0
                }
                define host {
                    name   b
                    use    a
                    register 0
                }
                """);
        assertThat(c.errors(r)).anySatisfy(m -> assertThat(m).contains("circular template use"));
    }
}
