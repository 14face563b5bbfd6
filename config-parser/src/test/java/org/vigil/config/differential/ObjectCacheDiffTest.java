package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The comparator on small dumps: what counts as a difference and how it is reported. */
class ObjectCacheDiffTest {

    private static final String HOST = """
            define host {
            \thost_name\th1
            \tcheck_interval\t5.000000
            \tparents\tr1,r2
            \t_RACK\tR1
            \t}
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("identical dumps", HOST, HOST, List.of()),
                Arguments.of("a value differs", HOST, HOST.replace("5.000000", "2.000000"),
                        List.of("host 'h1': check_interval: nagios='5.000000' vigil='2.000000'")),
                Arguments.of("a custom variable is missing", HOST, HOST.replace("\t_RACK\tR1\n", ""),
                        List.of("host 'h1': _RACK: nagios='R1' vigil=<absent>")),
                Arguments.of("an object is missing", HOST + service("h1", "Disk"), HOST,
                        List.of("service 'h1;Disk': only in nagios {host_name=h1, service_description=Disk}")),
                Arguments.of("parents in another order", HOST, HOST.replace("r1,r2", "r2,r1"), List.of()),
                Arguments.of("a repeated parent is still the same set", HOST, HOST.replace("r1,r2", "r2,r1,r2"), List.of()),
                Arguments.of("parents differ as sets", HOST, HOST.replace("r1,r2", "r1"),
                        List.of("host 'h1': parents: nagios='r1,r2' vigil='r1'")),
                Arguments.of("ignored attribute", service("h1", "Disk") .replace("\t}", "\tparallelize_check\t1\n\t}"),
                        service("h1", "Disk").replace("\t}", "\tparallelize_check\t0\n\t}"), List.of()),
                Arguments.of("servicegroup pairs in another order", servicegroup("a,Disk,b,Load"),
                        servicegroup("b,Load,a,Disk"), List.of()),
                Arguments.of("servicegroup pair listed twice", servicegroup("a,Disk,b,Load,a,Disk"),
                        servicegroup("b,Load,a,Disk"), List.of()),
                Arguments.of("servicegroup pairs regrouped", servicegroup("a,Disk,b,Load"),
                        servicegroup("a,Load,b,Disk"),
                        List.of("servicegroup 'sg': members: nagios='a,Disk,b,Load' vigil='a,Load,b,Disk'")),
                Arguments.of("service parents as pairs in another order",
                        service("h1", "Web").replace("\t}", "\tparents\th2,Db,h3,Cache\n\t}"),
                        service("h1", "Web").replace("\t}", "\tparents\th3,Cache,h2,Db\n\t}"), List.of()),
                Arguments.of("time ranges of a day in another order",
                        "define timeperiod {\n\ttimeperiod_name\tt\n\tmonday\t00:00-09:00,17:00-24:00\n\t}\n",
                        "define timeperiod {\n\ttimeperiod_name\tt\n\tmonday\t17:00-24:00,00:00-09:00\n\t}\n", List.of()),
                Arguments.of("time ranges of a day differ",
                        "define timeperiod {\n\ttimeperiod_name\tt\n\tmonday\t00:00-09:00\n\t}\n",
                        "define timeperiod {\n\ttimeperiod_name\tt\n\tmonday\t00:00-09:30\n\t}\n",
                        List.of("timeperiod 't': monday: nagios='00:00-09:00' vigil='00:00-09:30'")),
                Arguments.of("option flags in another order", option("notification_options", "r,d,u"),
                        option("notification_options", "d,u,r"), List.of()),
                Arguments.of("notification commands compare as a set (Nagios reverses the list; see"
                                + " docs/compatibility.md)", option("host_notification_commands", "a,b"),
                        option("host_notification_commands", "b,a"), List.of()),
                Arguments.of("notification commands differ", option("host_notification_commands", "a,b"),
                        option("host_notification_commands", "a,c"),
                        List.of("contact 'c': host_notification_commands: nagios='a,b' vigil='a,c'")),
                Arguments.of("escalations compare as multisets, by count", escalation() + escalation(), escalation(),
                        List.of("hostescalation {first_notification=1, host_name=h1} #2: only in nagios"
                                + " {first_notification=1, host_name=h1}")),
                Arguments.of("escalations that differ in one attribute are paired",
                        escalation().replace("\t}", "\tnotification_interval\t0.000000\n\t}"),
                        escalation().replace("\t}", "\tnotification_interval\t30.000000\n\t}"),
                        List.of("hostescalation {first_notification=1, host_name=h1}: notification_interval:"
                                + " nagios='0.000000' vigil='30.000000'")),
                Arguments.of("escalations in another order", escalation() + escalation().replace("\t1", "\t2"),
                        escalation().replace("\t1", "\t2") + escalation(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparesDumps(String name, String nagios, String vigil, List<String> expected) {
        List<ObjectCacheDiff.Difference> differences =
                new ObjectCacheDiff("nagios", "vigil").compare(ObjectCache.parse(nagios), ObjectCache.parse(vigil));

        assertThat(differences).map(ObjectCacheDiff.Difference::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void parsesValuesVerbatimAndKeysWithSpaces() {
        ObjectCache cache = ObjectCache.parse("""
                ########################################
                #       NAGIOS OBJECT CACHE FILE
                ########################################

                define timeperiod {
                \ttimeperiod_name\tholidays
                \t2026-07-01 - 2026-07-31 / 7\t00:00-24:00
                \t}

                define host {
                \thost_name\th1
                \t_PASSWORD\tpa;ss$word
                \tnotes\t
                \t}
                """);

        assertThat(cache.objects()).hasSize(2);
        assertThat(cache.objects().get(0).attributes()).containsEntry("2026-07-01 - 2026-07-31 / 7", "00:00-24:00");
        assertThat(cache.objects().get(1).attributes()).containsEntry("_PASSWORD", "pa;ss$word").containsEntry("notes", "");
    }

    @Test
    void rejectsAnUnclosedDefinition() {
        assertThatThrownBy(() -> ObjectCache.parse("define host {\n\thost_name\th1\n"))
                .hasMessageContaining("never closed");
    }

    @Test
    void reportGroupsDifferencesByObject() {
        List<ObjectCacheDiff.Difference> differences = List.of(
                new ObjectCacheDiff.Difference("host 'h1'", "a: nagios='1' vigil='2'"),
                new ObjectCacheDiff.Difference("host 'h1'", "b: nagios='1' vigil=<absent>"));

        assertThat(ObjectCacheDiff.report(differences)).isEqualTo("""
                host 'h1'
                    a: nagios='1' vigil='2'
                    b: nagios='1' vigil=<absent>
                """);
    }

    private static String service(String host, String description) {
        return "define service {\n\thost_name\t" + host + "\n\tservice_description\t" + description + "\n\t}\n";
    }

    private static String servicegroup(String members) {
        return "define servicegroup {\n\tservicegroup_name\tsg\n\tmembers\t" + members + "\n\t}\n";
    }

    private static String option(String attribute, String value) {
        return "define contact {\n\tcontact_name\tc\n\t" + attribute + "\t" + value + "\n\t}\n";
    }

    private static String escalation() {
        return "define hostescalation {\n\thost_name\th1\n\tfirst_notification\t1\n\t}\n";
    }
}
