package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * The sweep button behind the login form: the script's API calls ride on the session cookie with the page's CSRF
 * token (a cookie-only API POST without it is refused), so a logged-in admin sweeps from the page.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepLoginBrowserTest {

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("vigil.yml");
        Files.writeString(yml, """
                auth:
                  users:
                    - name: admin
                      password_hash: "%s"
                      all_objects: true
                """.formatted(PasswordHash.hash("adm-secret")));
        monitor = new SampleMonitor(dir.resolve("monitor"), WebServer.configuration(yml));
        browser = new Chromium(monitor.base, 1280, 1000);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void aLoggedInAdminSweepsFromTheOverview() {
        browser.open("/");
        WebElement user = browser.await("the login form", d -> d.findElements(By.name("username")).stream()
                .findFirst().orElse(null));
        user.sendKeys("admin");
        browser.find("input[name=password]").sendKeys("adm-secret");
        browser.find("#login [type=submit]").click();
        browser.await("the overview after logging in", d -> !d.findElements(By.cssSelector("#sweep .sweep-start")).isEmpty()
                && browser.find("#sweep .sweep-start").isEnabled());
        assertThat(browser.find("meta[name=csrf-token]").getAttribute("content")).isNotBlank();

        browser.find("#sweep .sweep-start").click();
        browser.await("the sweep's summary", d -> !d.findElements(By.cssSelector("#sweep .sweep-not-ok")).isEmpty());
        assertThat(browser.find("#sweep .sweep-error").isDisplayed()).isFalse();
        assertThat(browser.find("#sweep .sweep-phase").getText()).isEqualTo("finished");
        assertThat(browser.find("#sweep .sweep-not-ok tr[data-host='shop1'][data-service='Checkout API'] .state").getText())
                .isEqualTo("CRITICAL");
    }
}
