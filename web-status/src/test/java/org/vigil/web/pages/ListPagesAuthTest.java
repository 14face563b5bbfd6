package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * The list and group pages as users of a real vigil.yml see them: a contact-bound user (alice: web1 and its
 * services; bob: db1) sees only its objects and groups, also in the counts; a read-only user gets no action form; no
 * credentials, no page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagesAuthTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("vigil.yml");
        Files.writeString(yml, """
                auth:
                  users:
                    - name: alice
                      password_hash: "%s"
                      contact: alice
                    - name: viewer
                      password_hash: "%s"
                      all_objects: true
                      read_only: true
                    - name: admin
                      password_hash: "%s"
                      all_objects: true
                    - name: bob
                      password_hash: "%s"
                      contact: bob
                """.formatted(PasswordHash.hash("a-secret"), PasswordHash.hash("v-secret"),
                PasswordHash.hash("adm-secret"), PasswordHash.hash("b-secret")));
        web = new WebFixture(dir, WebServer.configuration(yml));
        web.credentials = "admin:adm-secret";
        for (String s : new String[] {"web1/http", "web1/disk", "db1/pg"}) {
            WebFixture.Reply r = web.post("/api/v1/services/" + s + "/result",
                    "{\"status\":\"critical\",\"output\":\"down\"}");
            assertThat(r.status()).as(s).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private String page(String user, String path) throws Exception {
        web.credentials = user;
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.text();
    }

    @Test
    void aContactBoundUserSeesOnlyItsObjects() throws Exception {
        String alice = "alice:a-secret";
        assertThat(ListPagesTest.rows(page(alice, "/hosts"), "host-list")).containsExactly("web1");
        assertThat(page(alice, "/hosts")).contains("<strong>1</strong> of 1 hosts");
        assertThat(ListPagesTest.rows(page(alice, "/services"), "service-list"))
                .containsExactly("web1;disk", "web1;http");
        assertThat(page(alice, "/services?state=CRITICAL")).contains("<strong>2</strong> of 2 services");
        assertThat(ListPagesTest.rows(page(alice, "/services?host=db1"), "service-list")).isEmpty();
        assertThat(ListPagesTest.rows(page(alice, "/services?servicegroup=ports"), "service-list"))
                .containsExactly("web1;http");
        assertThat(ListPagesTest.rows(page(alice, "/problems"), "problem-list"))
                .containsExactlyInAnyOrder("web1;disk", "web1;http");
        String groups = page(alice, "/servicegroups");
        assertThat(groups).contains("data-service=\"http\"").doesNotContain("data-host=\"db1\"")
                .contains(">1 CRITICAL</a>");
        assertThat(page(alice, "/hostgroups")).contains("id=\"hostgroup-webservers\"");
        // The filter form offers only groups with a member alice sees.
        assertThat(page(alice, "/services")).contains("<option value=\"webservers\"");
        String admin = page("admin:adm-secret", "/services");
        assertThat(ListPagesTest.rows(admin, "service-list")).hasSize(3);
    }

    @Test
    void aDownHostFoldsOnlyTheServicesTheUserSees() throws Exception {
        web.credentials = "admin:adm-secret";
        assertThat(web.post("/api/v1/hosts/db1/result", "{\"status\":\"down\",\"output\":\"no ping\"}").status())
                .isEqualTo(200);
        try {
            String bob = page("bob:b-secret", "/problems");
            assertThat(ListPagesTest.rows(bob, "problem-list")).containsExactly("db1");
            assertThat(ListPagesTest.row(bob, "problem-list", "db1")).contains("1 service affected: 1 CRITICAL")
                    .contains("data-service=\"pg\"");
            assertThat(bob).contains("<strong>1</strong> of 1 problems");
            String alice = page("alice:a-secret", "/problems");
            assertThat(ListPagesTest.rows(alice, "problem-list")).containsExactlyInAnyOrder("web1;disk", "web1;http");
            assertThat(alice).doesNotContain("db1");
            assertThat(ListPagesTest.rows(page("admin:adm-secret", "/problems"), "problem-list"))
                    .containsExactlyInAnyOrder("db1", "web1;disk", "web1;http");
        } finally {
            web.credentials = "admin:adm-secret";
            web.post("/api/v1/hosts/db1/result", "{\"status\":\"up\",\"output\":\"ping ok\"}");
        }
    }

    @Test
    void aGroupWithoutVisibleMembersIsHidden() throws Exception {
        // bob is a contact of db1 and db1/pg (contact group dba), not of web1, the only member of webservers.
        String groups = page("bob:b-secret", "/hostgroups");
        assertThat(groups).doesNotContain("hostgroup-webservers").contains("No groups to show.");
        web.credentials = "bob:b-secret";
        assertThat(web.get("/hostgroups?name=webservers").status()).isEqualTo(404);
        assertThat(ListPagesTest.rows(page("bob:b-secret", "/hosts?hostgroup=webservers"), "host-list")).isEmpty();
        assertThat(page("bob:b-secret", "/servicegroups")).contains("data-service=\"pg\"")
                .doesNotContain("data-host=\"web1\"");
        assertThat(page("bob:b-secret", "/services")).doesNotContain("<option value=\"webservers\"");
    }

    @Test
    void aReadOnlyUserSeesNoActionForm() throws Exception {
        String viewer = page("viewer:v-secret", "/services");
        assertThat(ListPagesTest.rows(viewer, "service-list")).hasSize(3);
        assertThat(viewer).doesNotContain("action=\"/actions/form\"").doesNotContain("name=\"target\"");
        assertThat(page("admin:adm-secret", "/services")).contains("action=\"/actions/form\"")
                .contains("name=\"target\"");
        assertThat(page("viewer:v-secret", "/problems")).doesNotContain("name=\"target\"");
    }

    /**
     * A list is answered once per snapshot and kind of user (see {@link Answers}): users asking the same list
     * back to back, from the same snapshot, each get their own objects and their own right to act.
     */
    @Test
    void usersAskingTheSameListInTurnGetTheirOwnAnswer() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (String path : new String[] {"/problems", "/services?state=critical", "/hosts"}) {
                String kind = path.startsWith("/problems") ? "problem-list"
                        : path.startsWith("/services") ? "service-list" : "host-list";
                String admin = page("admin:adm-secret", path);
                String alice = page("alice:a-secret", path);
                String viewer = page("viewer:v-secret", path);
                String bob = page("bob:b-secret", path);
                assertThat(ListPagesTest.rows(alice, kind)).as(path).allMatch(r -> r.startsWith("web1"));
                assertThat(ListPagesTest.rows(bob, kind)).as(path).allMatch(r -> r.startsWith("db1"));
                assertThat(ListPagesTest.rows(admin, kind)).as(path).anyMatch(r -> r.startsWith("web1"))
                        .anyMatch(r -> r.startsWith("db1"));
                assertThat(ListPagesTest.rows(viewer, kind)).as(path).isEqualTo(ListPagesTest.rows(admin, kind));
                assertThat(admin).as(path).contains("name=\"target\"");
                assertThat(viewer).as(path).doesNotContain("name=\"target\"");
            }
        }
    }

    @Test
    void withoutCredentialsNoPage() throws Exception {
        web.credentials = null;
        for (String path : new String[] {"/problems", "/hosts", "/services", "/hostgroups", "/servicegroups"}) {
            // the form login sends a browser without credentials to /login (303); the API would say 401
            assertThat(web.get(path).status()).as(path).isIn(303, 401);
        }
    }
}
