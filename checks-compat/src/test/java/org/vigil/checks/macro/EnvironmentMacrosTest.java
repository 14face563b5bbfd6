package org.vigil.checks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;

class EnvironmentMacrosTest {

    /** The NAGIOS_* names nagios4 4.4.6 gave a service check plugin (observed with env | sort), minus ARGn and customs. */
    static final String OBSERVED = """
            ADMINEMAIL ADMINPAGER COMMANDFILE CONTACTALIAS CONTACTEMAIL CONTACTGROUPALIAS CONTACTGROUPMEMBERS
            CONTACTGROUPNAME CONTACTGROUPNAMES CONTACTNAME CONTACTPAGER DATE EVENTSTARTTIME HOSTACKAUTHOR
            HOSTACKAUTHORALIAS HOSTACKAUTHORNAME HOSTACKCOMMENT HOSTACTIONURL HOSTADDRESS HOSTALIAS
            HOSTANDSERVICESIMPORTANCE HOSTATTEMPT HOSTCHECKCOMMAND HOSTCHECKTYPE HOSTDISPLAYNAME HOSTDOWNTIME
            HOSTDURATION HOSTDURATIONSEC HOSTEVENTID HOSTEXECUTIONTIME HOSTGROUPACTIONURL HOSTGROUPALIAS
            HOSTGROUPMEMBERADDRESSES HOSTGROUPMEMBERS HOSTGROUPNAME HOSTGROUPNAMES HOSTGROUPNOTES HOSTGROUPNOTESURL
            HOSTIMPORTANCE HOSTINFOURL HOSTLATENCY HOSTNAME HOSTNOTES HOSTNOTESURL HOSTNOTIFICATIONENABLED
            HOSTNOTIFICATIONID HOSTNOTIFICATIONNUMBER HOSTNOTIFICATIONPERIOD HOSTOUTPUT HOSTPERCENTCHANGE HOSTPERFDATA
            HOSTPERFDATAFILE HOSTPROBLEMID HOSTSTATE HOSTSTATEID HOSTSTATETYPE ISVALIDTIME LASTHOSTCHECK LASTHOSTDOWN
            LASTHOSTEVENTID LASTHOSTPROBLEMID LASTHOSTSTATE LASTHOSTSTATECHANGE LASTHOSTSTATEID LASTHOSTUNREACHABLE
            LASTHOSTUP LASTSERVICECHECK LASTSERVICECRITICAL LASTSERVICEEVENTID LASTSERVICEOK LASTSERVICEPROBLEMID
            LASTSERVICESTATE LASTSERVICESTATECHANGE LASTSERVICESTATEID LASTSERVICEUNKNOWN LASTSERVICEWARNING LOGFILE
            LONGDATETIME LONGHOSTOUTPUT LONGSERVICEOUTPUT MAINCONFIGFILE MAXHOSTATTEMPTS MAXSERVICEATTEMPTS NEXTVALIDTIME
            NOTIFICATIONAUTHOR NOTIFICATIONAUTHORALIAS NOTIFICATIONAUTHORNAME NOTIFICATIONCOMMENT NOTIFICATIONISESCALATED
            NOTIFICATIONNUMBER NOTIFICATIONRECIPIENTS NOTIFICATIONTYPE OBJECTCACHEFILE PROCESSSTARTTIME RESOURCEFILE
            RETENTIONDATAFILE SERVICEACKAUTHOR SERVICEACKAUTHORALIAS SERVICEACKAUTHORNAME SERVICEACKCOMMENT
            SERVICEACTIONURL SERVICEATTEMPT SERVICECHECKCOMMAND SERVICECHECKTYPE SERVICEDESC SERVICEDISPLAYNAME
            SERVICEDOWNTIME SERVICEDURATION SERVICEDURATIONSEC SERVICEEVENTID SERVICEEXECUTIONTIME SERVICEGROUPACTIONURL
            SERVICEGROUPALIAS SERVICEGROUPMEMBERS SERVICEGROUPNAME SERVICEGROUPNAMES SERVICEGROUPNOTES
            SERVICEGROUPNOTESURL SERVICEIMPORTANCE SERVICEINFOURL SERVICEISVOLATILE SERVICELATENCY SERVICENOTES
            SERVICENOTESURL SERVICENOTIFICATIONENABLED SERVICENOTIFICATIONID SERVICENOTIFICATIONNUMBER
            SERVICENOTIFICATIONPERIOD SERVICEOUTPUT SERVICEPERCENTCHANGE SERVICEPERFDATA SERVICEPERFDATAFILE
            SERVICEPROBLEMID SERVICESTATE SERVICESTATEID SERVICESTATETYPE SHORTDATETIME STATUSDATAFILE TEMPFILE TEMPPATH
            TIME TIMET TOTALHOSTPROBLEMS TOTALHOSTPROBLEMSUNHANDLED TOTALHOSTSDOWN TOTALHOSTSDOWNUNHANDLED
            TOTALHOSTSERVICES TOTALHOSTSERVICESCRITICAL TOTALHOSTSERVICESOK TOTALHOSTSERVICESUNKNOWN
            TOTALHOSTSERVICESWARNING TOTALHOSTSUNREACHABLE TOTALHOSTSUNREACHABLEUNHANDLED TOTALHOSTSUP
            TOTALSERVICEPROBLEMS TOTALSERVICEPROBLEMSUNHANDLED TOTALSERVICESCRITICAL TOTALSERVICESCRITICALUNHANDLED
            TOTALSERVICESOK TOTALSERVICESUNKNOWN TOTALSERVICESUNKNOWNUNHANDLED TOTALSERVICESWARNING
            TOTALSERVICESWARNINGUNHANDLED""";

    static MacroResolver resolver;

    @BeforeAll
    static void load() {
        LoadResult r = ConfigLoader.load(MacroResolverTest.CONFIG);
        resolver = new MacroResolver(r.model(), r.mainConfig(), FakeRuntime.observed(), MacroResolverTest.CLOCK);
    }

    @Test
    void standardNamesAreExactlyThoseOfNagios446() {
        TreeSet<String> expected = new TreeSet<>(List.of(OBSERVED.strip().split("\\s+")));
        assertThat(expected).hasSize(163);
        assertThat(new TreeSet<>(StandardMacros.ALL.keySet())).isEqualTo(expected);
    }

    @Test
    void serviceCheckEnvironment() {
        MacroContext ctx = MacroContext.service(new ServiceKey("h1", "mac1")).withArgs(List.of("xx", "yy"));
        Map<String, String> env = resolver.environment(ctx);
        assertThat(env).hasSize(163 + 32 + 3);
        assertThat(env).containsEntry("NAGIOS_HOSTNAME", "h1").containsEntry("NAGIOS_SERVICEDESC", "mac1")
                .containsEntry("NAGIOS_SERVICESTATE", "OK").containsEntry("NAGIOS_ARG1", "xx")
                .containsEntry("NAGIOS_ARG2", "yy").containsEntry("NAGIOS_ARG32", "")
                .containsEntry("NAGIOS_CONTACTNAME", "").containsEntry("NAGIOS_HOSTNOTESURL", "http://n/h1")
                .containsEntry("NAGIOS__HOSTRACK", "r42").containsEntry("NAGIOS__HOSTQUOTED", "abc")
                .containsEntry("NAGIOS__SERVICESLA", "gold");
        assertThat(env.keySet().stream().filter(k -> k.startsWith("NAGIOS_USER")).collect(Collectors.toList()))
                .isEmpty();
    }

    @Test
    void standardValuesAreNotCleaned() {
        MacroContext ctx = MacroContext.service(new ServiceKey("h1", "illegal"));
        assertThat(resolver.environment(ctx)).containsEntry("NAGIOS_SERVICEOUTPUT", "a`b~c$d&e'f\"g<h>i OK");
    }

    @Test
    void notificationsAddContactAddressesCountedFromZero() {
        Map<String, String> env = resolver.environment(MacroResolverTest.NOTIFY);
        assertThat(env).containsEntry("NAGIOS_CONTACTNAME", "admin").containsEntry("NAGIOS_CONTACTADDRESS0", "addr-one")
                .containsEntry("NAGIOS_CONTACTADDRESS2", "addr-three").containsEntry("NAGIOS_CONTACTADDRESS5", "")
                .containsEntry("NAGIOS__CONTACTSHOE", "42").containsEntry("NAGIOS_NOTIFICATIONTYPE", "PROBLEM");
    }

    @Test
    void largeInstallationTweaksDropMembersAndTotals() {
        LoadResult r = ConfigLoader.load(MacroResolverTest.CONFIG);
        org.vigil.config.main.MainConfig tweaked = new org.vigil.config.main.MainConfig(r.mainConfig().file(),
                withDirective(r.mainConfig().directives(), "use_large_installation_tweaks", "1"),
                r.mainConfig().objectFiles(), r.mainConfig().userMacros());
        MacroResolver big = new MacroResolver(r.model(), tweaked, FakeRuntime.observed(), MacroResolverTest.CLOCK);
        Map<String, String> env = big.environment(MacroContext.host("h1"));
        assertThat(env).doesNotContainKeys("NAGIOS_HOSTGROUPMEMBERS", "NAGIOS_SERVICEGROUPMEMBERS",
                "NAGIOS_HOSTGROUPMEMBERADDRESSES", "NAGIOS_TOTALHOSTSUP", "NAGIOS_TOTALSERVICEPROBLEMSUNHANDLED");
        assertThat(env).containsKeys("NAGIOS_TOTALHOSTSERVICES", "NAGIOS_HOSTNAME");
    }

    private static Map<String, List<String>> withDirective(Map<String, List<String>> d, String k, String v) {
        Map<String, List<String>> m = new java.util.HashMap<>(d);
        m.put(k, List.of(v));
        return m;
    }
}
