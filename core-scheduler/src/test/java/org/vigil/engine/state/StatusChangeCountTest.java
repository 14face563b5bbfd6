package org.vigil.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.result.PluginExit;

/**
 * The read model copies a status again only when its change count moved, so every way to change a status must
 * move it: every public setter of both kinds is called here, and each must count.
 */
class StatusChangeCountTest {

    @Test
    void everySetterOfAHostStatusCountsAChange() throws Exception {
        HostStatus s = Fixtures.upHost("h");
        assertEverySetterCounts(s, HostState.DOWN);
    }

    @Test
    void everySetterOfAServiceStatusCountsAChange() throws Exception {
        ServiceStatus s = Fixtures.service(3);
        assertEverySetterCounts(s, ServiceState.CRITICAL);
    }

    @Test
    void aResultCountsAChange() {
        ServiceStatus s = Fixtures.service(3);
        long before = s.changeCount();
        s.recordResult(CheckOutcome.active(PluginExit.CRITICAL, "CRITICAL", Instant.ofEpochSecond(1000)),
                "(No output)");
        assertThat(s.changeCount()).isGreaterThan(before);
    }

    private static void assertEverySetterCounts(CheckableStatus<?> s, Enum<?> state) throws Exception {
        List<String> setters = new ArrayList<>();
        for (Method m : s.getClass().getMethods()) {
            if (!m.getName().startsWith("set") || !Modifier.isPublic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = sample(m.getParameterTypes()[i], state);
            }
            long before = s.changeCount();
            m.invoke(s, args);
            assertThat(s.changeCount()).as(m.getName()).isGreaterThan(before);
            setters.add(m.getName());
        }
        assertThat(setters).contains("setCurrentState", "setNextCheck", "setScheduledDowntimeDepth",
                "setAcknowledgementType", "setLastTimeIn");
    }

    private static Object sample(Class<?> type, Enum<?> state) {
        if (type == int.class) {
            return 3;
        }
        if (type == long.class) {
            return 3L;
        }
        if (type == double.class) {
            return 3.0;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Instant.class) {
            return Instant.ofEpochSecond(1000);
        }
        if (type.isEnum() && type.isInstance(state)) {
            return state;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type.isInstance(state)) { // the state type, erased to Enum or NagiosState
            return state;
        }
        throw new AssertionError("no sample for " + type);
    }
}
