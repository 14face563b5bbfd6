package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.model.ServiceKey;

/**
 * Which of two definitions of one service Vigil keeps, per host. Every row was run through nagios4
 * 4.4.6 (corpus cases service-precedence-matrix and service-precedence-walk-order hold them with more).
 */
class ServicePrecedenceTest {

    @TempDir
    Path dir;

    /** h1, h2, h3 all in g1 through their hostgroups; g2 has h1; g3 lists h3,h1,h2; gempty has none. */
    private static final String HOSTS = TestConfig.BASE + """
            define host {
                use        generic-host
                host_name  h1
                hostgroups g1
            }
            define host {
                use        generic-host
                host_name  h2
                hostgroups g1
            }
            define host {
                use        generic-host
                host_name  h3
                hostgroups g1
            }
            define hostgroup {
                hostgroup_name g1
            }
            define hostgroup {
                hostgroup_name g2
                members        h1
            }
            define hostgroup {
                hostgroup_name g3
                members        h3,h1,h2
            }
            define hostgroup {
                hostgroup_name gempty
            }
            define servicegroup {
                servicegroup_name sg-first
            }
            define servicegroup {
                servicegroup_name sg-second
            }
            """;

    static Stream<Arguments> pairs() {
        return Stream.of(
                // a host list is walked backwards; the definition itself serves the last host walked
                Arguments.of("host_name h1,h2", "host_name *", "h1=second h2=first h3=second"),
                Arguments.of("host_name *", "host_name h1,h2", "h1=first h2=first h3=first"),
                Arguments.of("host_name h1,h2", "host_name h1", "h1=second h2=first"),
                Arguments.of("host_name h1", "host_name h1,h2", "h1=second h2=second"),
                // copies from a host group lose to the others; the last host walked is not a copy
                Arguments.of("host_name *", "hostgroup_name g1", "h1=first h2=first h3=second"),
                Arguments.of("hostgroup_name g1", "hostgroup_name g2", "h1=second h2=first h3=first"),
                Arguments.of("hostgroup_name g1\nhost_name h2", "host_name h1,h2", "h1=second h2=first h3=first"),
                Arguments.of("host_name h1", "hostgroup_name g3", "h1=first h2=second h3=second"),
                Arguments.of("host_name h2", "hostgroup_name g3", "h2=second h1=second h3=second"),
                // a walk that ends on a skipped host or an empty group has no definition itself
                Arguments.of("host_name h2,h1,!h2", "host_name h1", "h1=first"),
                Arguments.of("host_name h3", "hostgroup_name gempty,g1", "h1=second h2=second h3=first"),
                Arguments.of("host_name h3", "hostgroup_name g1,gempty", "h1=second h2=second h3=second"),
                Arguments.of("host_name h3", "hostgroup_name g2,g1", "h1=second h2=second h3=first"));
    }

    @ParameterizedTest(name = "[{0}] then [{1}]")
    @MethodSource("pairs")
    void keepsTheDefinitionNagiosKeeps(String first, String second, String expected) {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + service(first, "first") + service(second, "second"));

        assertThat(c.errors(r)).isEmpty();
        Map<String, String> kept = new TreeMap<>();
        r.model().services().forEach((key, s) -> {
            if (!key.hostName().equals(TestConfig.MINIMAL_HOST)) {
                kept.put(key.hostName(), s.check().checkCommand().substring("check_dummy!".length()));
            }
        });
        Map<String, String> want = new TreeMap<>();
        for (String pair : expected.split(" ")) {
            want.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(kept).isEqualTo(want);
    }

    @Test
    void aDroppedDuplicateStillJoinsItsServiceGroups() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + service("host_name h1", "first") + service("hostgroup_name g1", "second"));

        ServiceKey h1 = new ServiceKey("h1", "S");
        assertThat(r.model().services().get(h1).check().checkCommand()).isEqualTo("check_dummy!first");
        assertThat(r.model().serviceGroups().get("sg-first").members()).containsExactly(h1);
        assertThat(r.model().serviceGroups().get("sg-second").members()).containsExactly(h1,
                new ServiceKey("h2", "S"), new ServiceKey("h3", "S"));
        assertThat(c.messages(r)).contains("objects.cfg:77: warning: duplicate definition of service 'S' on host"
                + " 'h1' is ignored (the definition at " + dir.resolve("objects.cfg") + ":68 is used, as Nagios 4 chooses)");
    }

    @Test
    void aServiceThatExpandsToNoHostIsAWarningAndAnUnknownNameAnError() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(HOSTS + service("hostgroup_name !gempty", "first") + service("host_name h4", "second"));

        assertThat(c.messages(r)).containsExactly(
                "objects.cfg:68: warning: service 'S' expands to no host, so it is not created (Nagios 4 accepts"
                        + " this; allow_empty_hostgroup_assignment=1 silences it for host groups)",
                "objects.cfg:78: error: host 'h4' is not defined (expected the name of a host; did you mean 'h1'?)");
    }

    private static String service(String hosts, String which) {
        return """
                define service {
                    use                 generic-service
                    service_description S
                    %s
                    check_command       check_dummy!%s
                    servicegroups       sg-%s
                }
                """.formatted(hosts.replace("\n", "\n    "), which, which);
    }
}
