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
import org.vigil.web.app.VigilConfiguration;

/**
 * Service descriptions as sites write them ({@code Disk /var}, {@code HTTP: 80 & 443}) reach their detail page:
 * a slash stays literal in the link, since Jetty refuses an encoded one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceNamesPageTest {

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
                define service {
                    use                 base-service
                    host_name           web1
                    service_description HTTP: 80 & 443 <x>
                    contacts            alice
                }
                """);
        assertThat(web.daemon.reload("test: more services").errors()).isEmpty();
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @Test
    void theHostPageLinksThemAndTheLinksWork() throws Exception {
        WebFixture.Reply host = web.get("/host/web1");
        assertThat(host.status()).isEqualTo(200);
        assertThat(host.text()).contains("href=\"/service/web1/Disk%20/var\"")
                .contains("href=\"/service/web1/HTTP%3A%2080%20%26%20443%20%3Cx%3E\"")
                .contains("HTTP: 80 &amp; 443 &lt;x&gt;");
        WebFixture.Reply disk = web.get("/service/web1/Disk%20/var");
        assertThat(disk.status()).as(disk.text()).isEqualTo(200);
        assertThat(disk.text()).contains("data-service=\"Disk /var\"");
        WebFixture.Reply root = web.get("/service/web1/Disk%20/");
        assertThat(root.status()).as(root.text()).isEqualTo(200);
        assertThat(root.text()).contains("data-service=\"Disk /\"");
        WebFixture.Reply http = web.get("/service/web1/HTTP%3A%2080%20%26%20443%20%3Cx%3E");
        assertThat(http.status()).as(http.text()).isEqualTo(200);
        assertThat(http.text()).containsPattern("<title>(\\(\\d+\\) )?Service HTTP: 80 &amp; 443 &lt;x&gt; on web1 · Vigil</title>")
                .contains("name=\"target\" value=\"web1;HTTP: 80 &amp; 443 &lt;x&gt;\"");
    }
}
