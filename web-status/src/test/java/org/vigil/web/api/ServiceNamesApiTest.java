package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.VigilConfiguration;

/**
 * Issue 21's defect: the JSON API could not reach {@code Disk /var} ({@code %2F} was Jetty's 400, a raw slash a 404).
 * The API now takes the slash encoded, for reading and for actions; the pages keep refusing {@code %2F} (they take
 * the raw slash).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceNamesApiTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        Files.writeString(dir.resolve("objects.cfg"), WebFixture.OBJECTS + """
                define service {
                    use                 base-service
                    host_name           web1
                    service_description Disk /var
                    contacts            alice
                }
                define service {
                    use                 base-service
                    host_name           web1
                    service_description Disk /
                    contacts            alice
                }
                """);
        assertThat(web.daemon.reload("test: services with slashes").errors()).isEmpty();
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @Test
    void anEncodedSlashReachesTheServiceForReadingAndActing() throws Exception {
        WebFixture.Reply r = web.get("/api/v1/services/web1/Disk%20%2Fvar");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("service").get("description").asText()).isEqualTo("Disk /var");
        WebFixture.Reply root = web.get("/api/v1/services/web1/Disk%20%2f");
        assertThat(root.status()).as(root.text()).isEqualTo(200);
        assertThat(root.body().get("service").get("description").asText()).isEqualTo("Disk /");

        ok(web.post("/api/v1/services/web1/Disk%20%2Fvar/result", "{\"status\":2,\"output\":\"DISK CRITICAL - /var 97%\"}"));
        ok(web.post("/api/v1/services/web1/Disk%20%2Fvar/acknowledge", "{\"comment\":\"cleaning /var/log\"}"));
        WebFixture.Reply after = web.get("/api/v1/services/web1/Disk%20%2Fvar");
        assertThat(after.body().get("service").get("status").get("state").asText()).isEqualTo("CRITICAL");
        assertThat(after.body().get("service").get("status").get("acknowledged").asBoolean()).isTrue();
        // the other service with a slash was not touched
        assertThat(web.get("/api/v1/services/web1/Disk%20%2F").body().get("service").get("status")
                .get("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void anUnknownNameWithASlashIsTheApisOwn404() throws Exception {
        WebFixture.Reply r = web.get("/api/v1/services/web1/Disk%20%2Fnope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("detail").asText()).contains("no service 'Disk /nope' on host 'web1'");
        // a dot-dot hidden behind encoded slashes is a name, not a way out of the API
        WebFixture.Reply odd = web.get("/api/v1/services/web1/x%2F..%2F..%2F..%2Fstatus");
        assertThat(odd.status()).isEqualTo(404);
        assertThat(odd.body().get("detail").asText()).contains("no service 'x/../../../status'");
    }

    @Test
    void pagesAndStaticFilesStillRefuseAnEncodedSlash() throws Exception {
        assertThat(web.get("/service/web1/Disk%20%2Fvar").status()).isEqualTo(400);
        WebFixture.Reply r = web.get("/static/x%2F..%2Fvigil.css");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("an encoded slash (%2F) is taken only in /api/v1/ paths");
        assertThat(web.get("/service/web1/Disk%20/var").status()).isEqualTo(200);
    }

    private static void ok(WebFixture.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("ok").asBoolean()).isTrue();
    }
}
