package org.vigil.checks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;

/**
 * Expected values are what nagios4 4.4.6 substituted for the same objects and runtime state (a plugin printed its
 * argv); rows not marked observed follow macros.c.
 */
class MacroResolverTest {

    static final Path CONFIG = Path.of("src/test/resources/configs/macros/nagios.cfg");
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1795599647L), ZoneOffset.UTC);
    static LoadResult loaded;
    static MacroResolver resolver;

    static final MacroContext MAC1 = MacroContext.service(new ServiceKey("h1", "mac1")).withArgs(List.of("xx", "yy"));
    static final MacroContext H1 = MacroContext.host("h1");
    static final MacroContext LONELY = MacroContext.host("lonely");
    static final MacroContext NOTIFY = MAC1.withContact("admin")
            .withExtra(Map.of("NOTIFICATIONTYPE", "PROBLEM", "NOTIFICATIONNUMBER", "3"));

    @BeforeAll
    static void load() {
        loaded = ConfigLoader.load(CONFIG);
        assertThat(loaded.diagnostics().hasErrors()).as(loaded.diagnostics().all().toString()).isFalse();
        resolver = new MacroResolver(loaded.model(), loaded.mainConfig(), FakeRuntime.observed(), CLOCK);
    }

    static Stream<Arguments> host() {
        return Stream.of(
                row(MAC1, "$HOSTNAME$|$HOSTDISPLAYNAME$|$HOSTALIAS$|$HOSTADDRESS$", "h1|H-One|Host One|127.0.0.1"),
                row(MAC1, "$HOSTSTATE$ $HOSTSTATEID$ $HOSTSTATETYPE$ $HOSTATTEMPT$ $MAXHOSTATTEMPTS$", "UP 0 HARD 1 3"),
                row(MAC1, "observed: $HOSTGROUPNAME$ $HOSTGROUPNAMES$", "observed: zeta zeta,web,alpha"),
                row(MAC1, "$HOSTNOTES$|$HOSTNOTESURL$|$HOSTACTIONURL$", "some notes|http://n/h1|http://a/Host%20One"),
                row(MAC1, "$HOSTCHECKCOMMAND$|$_HOSTRACK$|$_HOSTNOPE$", "p!exitn!0|r42|$_HOSTNOPE$"),
                row(MAC1, "$HOSTDURATION$|$HOSTLATENCY$|$HOSTPERFDATA$|$HOSTOUTPUT$", "0d 0h 0m 12s|0.002||exit 0 output"),
                row(H1, "$TOTALHOSTSERVICES$ $HOSTIMPORTANCE$", "3 0"),
                row(MAC1, "observed: $HOSTINFOURL$ $SERVICEINFOURL$", "observed: website_url not set/cgi-bin/extinfo.cgi"
                        + "?type=1&host=h1 website_url not set/cgi-bin/extinfo.cgi?type=2&host=h1&service=mac1"),
                row(LONELY, "[$HOSTGROUPNAME$] [$HOSTGROUPNAMES$] [$HOSTALIAS$] [$HOSTADDRESS$]",
                        "[$HOSTGROUPNAME$] [] [lonely] [lonely]"));
    }

    static Stream<Arguments> service() {
        return Stream.of(
                row(MAC1, "$SERVICEDESC$|$SERVICEDISPLAYNAME$|$SERVICESTATE$|$SERVICESTATEID$|$SERVICESTATETYPE$",
                        "mac1|Mac One|OK|0|HARD"),
                row(MAC1, "$SERVICEATTEMPT$ $MAXSERVICEATTEMPTS$ $SERVICEGROUPNAME$ $SERVICEGROUPNAMES$", "1 3 sg1 sg1"),
                row(MAC1, "$SERVICENOTES$|$SERVICECHECKCOMMAND$|$_SERVICESLA$|$SERVICELATENCY$",
                        "svc notes|p!xx!yy|gold|0.000"),
                row(MAC1, "$SERVICEISVOLATILE$ [$SERVICEEXECUTIONTIME$]", "0 []"),
                row(H1, "[$SERVICEDESC$]", "[$SERVICEDESC$]"));
    }

    static Stream<Arguments> argsAndUsers() {
        return Stream.of(
                row(MAC1, "$ARG1$ $ARG2$ [$ARG9$] [$ARG32$]", "xx yy [] []"),
                row(MAC1, "$ARG33$ $ARG0$ $ARG$", "$ARG33$ $ARG0$ $ARG$"),
                row(MAC1, "$USER1$|$USER7$|[$USER9$]|$USER0$|$USER257$", "/tmp/ng/plugins|has space|[]|$USER0$|$USER257$"));
    }

    static Stream<Arguments> onDemand() {
        return Stream.of(
                row(MAC1, "$HOSTSTATE:h2$ $HOSTNAME:h2$ $HOSTGROUPNAMES:h2$ $HOSTGROUPNAME:lonely$",
                        "DOWN h2 web $HOSTGROUPNAME:lonely$"),
                row(MAC1, "$HOSTSTATE:nohost$ $HOSTNAME:$ $HOSTSTATE::$ $HOSTSTATE::x$ $HOSTSTATE:$",
                        "$HOSTSTATE:nohost$ $HOSTNAME:$ $HOSTSTATE::$ $HOSTSTATE::x$ $HOSTSTATE:$"),
                row(MAC1, "$SERVICESTATE:h1:exit5$ $SERVICEDESC:h1:exit5$ $LASTSERVICECHECK:h1:exit5$",
                        "CRITICAL exit5 1795599647"),
                row(MAC1, "[$SERVICEDESC::$] [$SERVICESTATE:h1$] [$SERVICESTATE:exit5$]",
                        "[] [$SERVICESTATE:h1$] [CRITICAL]"),
                row(MAC1, "$HOSTGROUPMEMBERS:web$|$HOSTGROUPALIAS:web$|$HOSTGROUPMEMBERS:web:-$|$HOSTGROUPNOTES:web$",
                        "h1,h2|Web Servers|h1,h2|group of h1"),
                row(MAC1, "$HOSTSTATE:web:/$ $HOSTADDRESS:web:, $", "UP/DOWN 127.0.0.1, 10.0.0.2"),
                row(MAC1, "$SERVICEGROUPMEMBERS:sg1$|$SERVICEGROUPALIAS:sg1$|$SERVICESTATE:sg1:,$",
                        "h1,mac1|Service Group One|OK"),
                row(MAC1, "$_HOSTRACK:h1$ $_HOSTRACK:h2$ $_HOSTRACK:web:+$ $_SERVICESLA:h1:mac1$ $_HOSTRACK:none$",
                        "r42 r7 r42+r7 gold $_HOSTRACK:none$"),
                row(MAC1, "$CONTACTNAME:admin$|$CONTACTEMAIL:admin$|$CONTACTADDRESS3:admin$|$_CONTACTSHOE:admin$",
                        "admin|admin@ex.com|addr-three|42"),
                row(MAC1, "$CONTACTNAME$ $CONTACTEMAIL$", "$CONTACTNAME$ $CONTACTEMAIL$"),
                row(MAC1, "$CONTACTGROUPMEMBERS:ops$ $CONTACTGROUPALIAS:ops$ $CONTACTEMAIL:ops:;$",
                        "admin Operations admin@ex.com"),
                // the test's "24x7" is Mondays only; the clock says Wednesday
                row(MAC1, "$ISVALIDTIME:24x7$", "0"),
                row(MAC1, "$ISVALIDTIME:24x7:1795996800$ $ISVALIDTIME:24x7:1796083199$ $ISVALIDTIME:24x7:1796083200$",
                        "1 1 0"),
                row(MAC1, "$NEXTVALIDTIME:24x7$ $NEXTVALIDTIME:24x7:1795996801$", "1795996800 1795996801"),
                row(MAC1, "$ISVALIDTIME$ $ISVALIDTIME:nope$ $NEXTVALIDTIME:nope$",
                        "$ISVALIDTIME$ $ISVALIDTIME:nope$ $NEXTVALIDTIME:nope$"));
    }

    static Stream<Arguments> contactsAndNotifications() {
        return Stream.of(
                row(NOTIFY, "$CONTACTNAME$|$CONTACTALIAS$|$CONTACTEMAIL$|$CONTACTPAGER$|$CONTACTGROUPNAMES$",
                        "admin|The Admin|admin@ex.com|555|ops"),
                row(NOTIFY, "$CONTACTADDRESS1$|[$CONTACTADDRESS2$]|$CONTACTADDRESS3$|$CONTACTADDRESS7$",
                        "addr-one|[]|addr-three|$CONTACTADDRESS7$"),
                row(NOTIFY, "$_CONTACTSHOE$ $CONTACTGROUPNAME$ $CONTACTGROUPALIAS$", "42 ops Operations"),
                row(NOTIFY, "$NOTIFICATIONTYPE$ #$NOTIFICATIONNUMBER$ [$NOTIFICATIONAUTHOR$]", "PROBLEM #3 []"),
                row(MAC1, "[$NOTIFICATIONTYPE$]", "[]"));
    }

    static Stream<Arguments> global() {
        return Stream.of(
                row(MAC1, "$TIMET$|$LONGDATETIME$|$SHORTDATETIME$|$DATE$|$TIME$",
                        "1795599647|Wed Nov 25 09:40:47 UTC 2026|11-25-2026 09:40:47|11-25-2026|09:40:47"),
                row(MAC1, "$ADMINEMAIL$ $ADMINPAGER$ $TEMPFILE$ $STATUSDATAFILE$ [$LOGFILE$]",
                        "admin@example.com pager-admin /tmp/ng/var/nagios.tmp /tmp/ng/var/status.dat []"),
                row(MAC1, "$PROCESSSTARTTIME$ $TOTALHOSTSUP$ [$TOTALSERVICESCRITICAL$] [$EVENTSTARTTIME$]",
                        "1795599632 1 [] []"),
                row(MAC1, "$MAINCONFIGFILE$", CONFIG.toString()));
    }

    static Stream<Arguments> dollars() {
        return Stream.of(
                row(MAC1, "a$$b $$ $HOSTNAME$$HOSTNAME$", "a$b $ h1h1"),
                row(MAC1, "'a$' 'b$c' trailing$", "'a$' 'b$c' trailing$"),
                row(MAC1, "$FOO$ $hostname$ $HOSTCHECKSOURCE$", "$FOO$ $hostname$ $HOSTCHECKSOURCE$"),
                row(MAC1, "$FOO$HOSTNAME$", "$FOO$HOSTNAME$"),
                row(MAC1, "no macros at all", "no macros at all"),
                row(MAC1, "$", "$"));
    }

    static Stream<Arguments> cleaning() {
        return Stream.of(
                row(MAC1, "$SERVICEOUTPUT:h1:illegal$", "abcdefghi OK"),
                row(MAC1, "$LONGSERVICEOUTPUT:h1:illegal$", "longline\\nctlTB"),
                row(MAC1, "$SERVICEPERFDATA:h1:illegal$", "x=1;q"),
                row(MAC1, "$SERVICEOUTPUT$", "[G=CONTACTNAME] ok"),
                row(H1, "observed: $_HOSTQUOTED$", "observed: abc"),
                row(H1, "$HOSTNOTES:h1$", "some notes"));
    }

    private static Arguments row(MacroContext ctx, String in, String out) {
        return Arguments.of(in, ctx, out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"host", "service", "argsAndUsers", "onDemand", "contactsAndNotifications", "global", "dollars",
        "cleaning"})
    void expands(String input, MacroContext ctx, String expected) {
        assertThat(resolver.expand(ctx, input)).isEqualTo(expected);
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("observed: macros inside arguments; later arguments are not yet known",
                        "raw!$USER1$/args $HOSTNAME$ $ARG2$!two",
                        "/tmp/ng/plugins/args h1 ", List.of("/tmp/ng/plugins/args h1 ", "two")),
                Arguments.of("observed: escaped bang, cleaned and dollar arguments",
                        "m4!a\\!b!$SERVICEOUTPUT:h1:illegal$!x$$y", "/tmp/ng/plugins/args 'a!b' 'abcdefghi OK' 'x$y'",
                        List.of("a!b", "abcdefghi OK", "x$y")),
                Arguments.of("observed: stray dollars in the definition", "m3", "/tmp/ng/plugins/args 'a$' 'b$c' trailing$",
                        List.of()),
                Arguments.of("an argument sees the ones before it", "raw!one!$ARG1$-$ARG3$", "one", List.of("one", "one-")),
                Arguments.of("missing arguments are empty", "p!exitn", "/tmp/ng/plugins/exitn  ", List.of("exitn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void expandsCommands(String name, String checkCommand, String line, List<String> args) {
        ExpandedCommand c = resolver.command(MAC1, checkCommand).orElseThrow();
        assertThat(c.line()).isEqualTo(line);
        assertThat(c.args()).isEqualTo(args);
    }

    @Test
    void unknownCommandIsEmpty() {
        assertThat(resolver.command(MAC1, "nope!1")).isEmpty();
    }

    @Test
    void splitsArgumentsOnUnescapedBangs() {
        assertThat(MacroResolver.splitArguments("cmd!a\\!b!!c")).containsExactly("cmd", "a!b", "", "c");
        assertThat(MacroResolver.splitArguments("cmd")).containsExactly("cmd");
    }
}
