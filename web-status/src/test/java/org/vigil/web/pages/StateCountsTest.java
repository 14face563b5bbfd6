package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.WebUser;
import org.vigil.model.StateCounts;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * The overview's counts of the read model ({@code ReadModel.counts}, what {@code GET /} shows; a contact's through
 * the contact index) are the counts over a whole snapshot's views, for every kind of user, and follow an action at
 * once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateCountsTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post("/api/v1/hosts/db1/result", "{\"status\":\"down\",\"output\":\"no route\"}");
        post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL\"}");
        post("/api/v1/services/web1/disk/result", "{\"status\":\"warning\",\"output\":\"disk 91%\"}");
        post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"PG down\"}");
        post("/api/v1/services/db1/pg/acknowledge", "{\"comment\":\"on it\"}");
        long now = System.currentTimeMillis() / 1000;
        post("/api/v1/services/web1/disk/downtime", "{\"start\":\"" + java.time.Instant.ofEpochSecond(now - 10)
                + "\",\"end\":\"" + java.time.Instant.ofEpochSecond(now + 3600) + "\",\"comment\":\"maintenance\"}");
        // downtimes start on the engine's next one-second tick
        for (int i = 0; i < 100 && web.web.reader().fresh().service("web1", "disk").orElseThrow().status()
                .downtimeDepth() == 0; i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        WebFixture.Reply r = web.post(path, body);
        assertThat(r.status()).as(path + ": " + r.text()).isIn(200, 201);
    }

    @Test
    void engineThreadCountsEqualTheSnapshotsForEveryUser() {
        ReadModel reader = web.web.reader();
        for (WebUser user : List.of(WebUser.ANONYMOUS, new WebUser("a", "alice", false, false),
                new WebUser("b", "bob", false, true), new WebUser("n", null, false, false))) {
            StatusSnapshot snapshot = reader.fresh();
            Access access = new Access(user);
            StateCounts fromSnapshot = StateCounts.of(snapshot, access::canSee, v -> access.canSee(v, snapshot));
            StateCounts fromEngine = reader.counts(new StateCounts.Viewer(user.allObjects(), user.contact()));
            assertThat(fromEngine).as(user.name()).usingRecursiveComparison().ignoringFields("program")
                    .isEqualTo(fromSnapshot);
        }
        StateCounts all = reader.counts(new StateCounts.Viewer(true, null));
        assertThat(all.hostTotal()).isEqualTo(2);
        assertThat(all.serviceTotal()).isEqualTo(3);
        assertThat(all.hosts().get(0)).isEqualTo(new StateCounts.Count("DOWN", "hosts", 1, 1, 0, 0));
        assertThat(all.services().get(0)).isEqualTo(new StateCounts.Count("CRITICAL", "services", 2, 1, 1, 0));
        assertThat(all.services().get(1)).isEqualTo(new StateCounts.Count("WARNING", "services", 1, 0, 0, 1));
        StateCounts alice = reader.counts(new StateCounts.Viewer(false, "alice"));
        assertThat(alice.hostTotal()).isEqualTo(1);
        assertThat(alice.serviceTotal()).isEqualTo(2);
        StateCounts nobody = reader.counts(new StateCounts.Viewer(false, null));
        assertThat(nobody.hostTotal() + nobody.serviceTotal()).isZero();
    }

    @Test
    void theOverviewShowsAnActionAtOnce() throws Exception {
        String before = web.get("/").text();
        assertThat(services(before, "CRITICAL")).contains("handled=acknowledged\">1</a>");
        post("/api/v1/services/web1/http/acknowledge", "{\"comment\":\"mine\"}");
        String after = web.get("/").text();
        assertThat(services(after, "CRITICAL")).contains("handled=acknowledged\">2</a>")
                .contains("handled=unhandled\">0</a>");
        post("/api/v1/services/web1/http/remove-acknowledgement", "{}");
    }

    private static String services(String html, String state) {
        String services = html.substring(html.indexOf("id=\"services-counts\""));
        String row = services.substring(services.indexOf("state-" + state.toLowerCase() + "\">" + state));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
