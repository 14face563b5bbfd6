package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/**
 * A config large enough that the loader's stages run in parallel chunks (templates, one-host services, the
 * inheritance from hosts, building): its problems, found in several chunks, come out as a serial load reports them,
 * in file and line order, and every service gets what its own lines, its templates and its host give it.
 */
class LargeConfigTest {

    private static final int HOSTS = 300;
    private static final int PER_HOST = 20;

    @TempDir
    Path dir;

    @Test
    void problemsInEveryChunkAreReportedInOrderAndValuesInherited() {
        StringBuilder text = new StringBuilder(TestConfig.BASE);
        text.append("""
                define host {
                    name                team-host
                    contact_groups      team
                    notification_period workhours
                    register            0
                }
                define contactgroup {
                    contactgroup_name team
                    members           admin
                }
                define timeperiod {
                    timeperiod_name workhours
                    alias           work
                    monday          09:00-17:00
                }
                """);
        int line = (int) text.chars().filter(c -> c == '\n').count();
        List<String> expected = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            String host = String.format("h%04d", h);
            line = block(text, line, "host", "use generic-host,team-host", "host_name " + host);
            for (int s = 0; s < PER_HOST; s++) {
                int n = h * PER_HOST + s;
                String use = n % 1999 == 7 ? "no-such-template" : "generic-service";
                String description = n == 3001 ? "bad~name" : "svc" + s;
                String extra = n == 4601 ? "max_check_attempts 7" : n == 5555 ? "host_name nohost" : "";
                int start = line;
                // a service whose template is missing has what the template would give, so it has no other problem
                String own = use.startsWith("no-such") ? "check_command check_dummy!0" : "";
                line = block(text, line, "service", "use " + use, "host_name " + host,
                        "service_description " + description, extra, own, own.isEmpty() ? "" : "max_check_attempts 2");
                if (use.startsWith("no-such")) {
                    expected.add("objects.cfg:" + (start + 2) + ": error: service template 'no-such-template' is"
                            + " not defined");
                }
                if (n == 3001) {
                    expected.add("objects.cfg:" + (start + 4) + ": error: service description 'bad~name' contains"
                            + " '~'");
                }
                if (n == 5555) {
                    expected.add("objects.cfg:" + (start + 5) + ": error: host 'nohost' is not defined");
                }
            }
        }
        TestConfig tc = new TestConfig(dir);
        tc.file("objects.cfg", text.toString());
        LoadResult r = tc.main("cfg_file=objects.cfg\nillegal_object_name_chars=~!$\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");

        List<String> errors = tc.errors(r);
        assertThat(errors).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(errors.get(i)).startsWith(expected.get(i));
        }
        Service plain = r.model().services().get(new ServiceKey("h0299", "svc19"));
        assertThat(plain.check().maxCheckAttempts()).isEqualTo(3);
        assertThat(plain.notification().contactGroups()).containsExactly("team");
        assertThat(plain.notification().period()).isEqualTo("24x7");
        assertThat(r.model().services().get(new ServiceKey("h0230", "svc1")).check().maxCheckAttempts())
                .isEqualTo(7);
        // h0277/svc15 (5555) names a host that does not exist: it makes no service
        assertThat(r.model().services()).hasSize(HOSTS * PER_HOST - 1);
    }

    /** Appends one definition; returns the line count after it. */
    private static int block(StringBuilder text, int line, String type, String... attributes) {
        text.append("define ").append(type).append(" {\n");
        int lines = 2;
        for (String a : attributes) {
            if (!a.isEmpty()) {
                text.append("    ").append(a).append('\n');
                lines++;
            }
        }
        text.append("}\n");
        return line + lines;
    }
}
