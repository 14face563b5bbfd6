package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * Sweeps across contacts (the attack: {@code GET /api/v1/sweeps/{id}} showed another contact's outputs, ids being
 * sequential, and the list their host names): a sweep is shown only to users who may see every object it names.
 * alice is web1's contact, bob db1's (through the contact group dba); admin sees everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepVisibilityTest {

    WebFixture web;
    long web1;
    long db1;
    long everything;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), """
                auth:
                  users:
                    - { name: admin, password_hash: "%s", all_objects: true }
                    - { name: alice, password_hash: "%s", contact: alice }
                    - { name: bob, password_hash: "%s", contact: bob }
                """.formatted(PasswordHash.hash("adm"), PasswordHash.hash("a"), PasswordHash.hash("b")));
        web = new WebFixture(dir, WebServer.configuration(dir.resolve("vigil.yml")));
        web.credentials = "admin:adm";
        web1 = start("host=web1");
        db1 = start("host=db1");
        everything = start("service=*");
        web.credentials = null;
    }

    private long start(String query) throws Exception {
        WebFixture.Reply r = web.post("/api/v1/sweeps?" + query, null);
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        long id = r.body().get("id").asLong();
        // wait for its summary, which names the skipped objects (the fixture's checks are passive only)
        long deadline = System.currentTimeMillis() + 10_000;
        while (web.get("/api/v1/sweeps/" + id).body().get("phase").asText().equals("running")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return id;
    }

    private WebFixture.Reply as(String credentials, String path) throws Exception {
        web.credentials = credentials;
        try {
            return web.get(path);
        } finally {
            web.credentials = null;
        }
    }

    private List<Long> listed(String credentials) throws Exception {
        List<Long> ids = new ArrayList<>();
        as(credentials, "/api/v1/sweeps").body().forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    @Test
    void eachContactSeesOnlyTheSweepsOfItsOwnObjects() throws Exception {
        assertThat(listed("admin:adm")).containsExactly(web1, db1, everything);
        assertThat(listed("alice:a")).containsExactly(web1);
        assertThat(listed("bob:b")).containsExactly(db1);
        assertThat(as("alice:a", "/api/v1/sweeps").text()).doesNotContain("db1");
        assertThat(as("bob:b", "/api/v1/sweeps").text()).doesNotContain("web1");
    }

    @Test
    void anotherContactsSweepIsA404AsAnUnknownIdIs() throws Exception {
        JsonNode own = as("alice:a", "/api/v1/sweeps/" + web1).body();
        assertThat(own.toString()).contains("web1");
        for (long id : new long[] {db1, everything}) {
            WebFixture.Reply r = as("alice:a", "/api/v1/sweeps/" + id);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).doesNotContain("db1").doesNotContain("pg").contains("no sweep " + id);
        }
        assertThat(as("bob:b", "/api/v1/sweeps/" + web1).status()).isEqualTo(404);
        assertThat(as("bob:b", "/api/v1/sweeps/" + db1).body().toString()).contains("db1");
        assertThat(as("admin:adm", "/api/v1/sweeps/" + everything).body().toString()).contains("db1", "web1");
        assertThat(as("alice:a", "/api/v1/sweeps/999").status()).isEqualTo(404);
    }
}
