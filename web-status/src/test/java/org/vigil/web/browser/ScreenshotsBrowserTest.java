package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshots in docs/screenshots (shown in the README). Every run takes them and checks they are real images;
 * only with {@code -Dvigil.screenshots=docs/screenshots} (relative to the repository) are they written there:
 * {@code mvn -B -q -pl web-status -am test -Dtest=ScreenshotsBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvigil.screenshots=docs/screenshots}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenshotsBrowserTest {

    SampleMonitor monitor;
    Chromium browser;
    Path out;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        String wanted = System.getProperty("vigil.screenshots", "");
        out = wanted.isBlank() ? dir.resolve("screenshots")
                : Path.of(System.getProperty("user.dir")).resolve("..").resolve(wanted).normalize();
        monitor = new SampleMonitor(dir.resolve("monitor"));
        monitor.sweepEverything();
        monitor.send("POST", "/api/v1/services/db1/Replication%20lag/acknowledge",
                "{\"comment\":\"Replica rebuilding after the storage swap; lag expected until 14:00\"}");
        monitor.send("POST", "/api/v1/services/shop1/Checkout%20API/comments",
                "{\"comment\":\"Payments gateway vendor paged, ticket PAY-4711\"}");
        browser = new Chromium(monitor.base, 1440, 1180);
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
    void theOverviewAfterASweep() throws Exception {
        browser.open("/");
        browser.await("the sweep button is ready", d -> browser.find("#sweep .sweep-start").isEnabled());
        browser.find("#sweep .sweep-start").click();
        browser.await("the sweep's summary", d -> !d.findElements(org.openqa.selenium.By.cssSelector("#sweep .sweep-not-ok"))
                .isEmpty());
        assertPicture(save("overview.png"));
    }

    @Test
    void aServiceDetail() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1560));
        browser.open("/service/shop1/Checkout%20API");
        browser.await("the detail page", d -> !d.findElements(org.openqa.selenium.By.id("service-detail")).isEmpty());
        assertThat(browser.find("#service-detail").getText()).contains("PAY-4711");
        assertPicture(save("service-detail.png"));
    }

    private Path save(String name) throws IOException {
        Path png = out.resolve(name);
        browser.screenshot(png);
        return png;
    }

    private static void assertPicture(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png + " is a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1440);
        assertThat(image.getHeight()).isGreaterThan(600);
        assertThat(Files.size(png)).isGreaterThan(20_000); // a page, not a blank screen
    }
}
