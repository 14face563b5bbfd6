package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.Engine;
import org.vigil.engine.ProgramSwitches;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.status.StatusFile;
import org.vigil.engine.testkit.CloseAfterEach;

/** Program-wide switches in status.dat's programstatus, and restored from retention when a command changed them. */
class ProgramSwitchesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private PassiveScenarioTable table;

    @Test
    void statusFileShowsTheSwitchesAndGlobalHandlers() throws Exception {
        table = closing.add(new PassiveScenarioTable(dir, "check_host_freshness=1\nglobal_host_event_handler=host-handler!g\n"));
        table.play("""
                | t | line                                    | expect                  | log
                | 0 | [{now}] STOP_EXECUTING_SVC_CHECKS       | program.svcchecks=off   | EXTERNAL COMMAND: STOP_EXECUTING_SVC_CHECKS;
                | 0 | [{now}] DISABLE_EVENT_HANDLERS          | program.handlers=off    | EXTERNAL COMMAND: DISABLE_EVENT_HANDLERS;
                """);
        Engine e = table.engine;
        ProgramSwitches p = e.switches();
        String text = e.call(() -> StatusFile.render(Instant.EPOCH, new StatusFile.Program(1, Instant.EPOCH, true,
                p.executeServiceChecks(), p.acceptPassiveServiceChecks(), p.executeHostChecks(),
                p.acceptPassiveHostChecks(), p.eventHandlersEnabled(), true, 1, 1,
                e.freshnessSettings().checkServices(), e.freshnessSettings().checkHosts(),
                e.eventHandlerSettings().globalHostHandler(), e.eventHandlerSettings().globalServiceHandler(), null),
                List.of(), List.of(), List.of()));
        assertThat(text).contains("\tactive_service_checks_enabled=0\n", "\tpassive_service_checks_enabled=1\n",
                "\tenable_event_handlers=0\n", "\tcheck_service_freshness=1\n", "\tcheck_host_freshness=1\n",
                "\tglobal_host_event_handler=host-handler!g\n", "\tglobal_service_event_handler=\n");
    }

    @Test
    void switchesChangedByCommandAreRestored() throws Exception {
        // an engine restored from what commands had changed before a restart
        table = closing.add(new PassiveScenarioTable(dir, ""));
        Engine e = table.engine;
        e.retain(new RetainedState(Map.of(ObjectKey.program(), new ObjectRecord(ObjectKey.program(), 1, Map.of(
                "active_service_checks_enabled", "0", "passive_host_checks_enabled", "0",
                "enable_event_handlers", "0"))), List.of()), null);
        ProgramSwitches p = e.switches();
        assertThat(e.call(() -> List.of(p.executeServiceChecks(), p.acceptPassiveHostChecks(),
                p.eventHandlersEnabled(), p.executeHostChecks(), p.acceptPassiveServiceChecks())))
                .containsExactly(false, false, false, true, true);
    }
}
