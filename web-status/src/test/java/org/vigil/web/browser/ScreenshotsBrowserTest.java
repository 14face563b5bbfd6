package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshots in docs/screenshots (shown in the README): desktop, phone (390 px wide) and dark. Every run takes
 * them and checks they are real images;
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

    /** Each picture from the desktop size, light, whatever the one before it did. */
    @BeforeEach
    void desktopLight() {
        browser.stopEmulatingPhone();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1180));
        browser.open("/");
        browser.driver.executeScript("localStorage.clear()");
    }

    @Test
    void theOverviewAfterASweep() throws Exception {
        browser.open("/");
        browser.await("the sweep button is ready", d -> browser.find("#sweep .sweep-start").isEnabled());
        browser.find("#sweep .sweep-start").click();
        browser.await("the sweep's summary", d -> !d.findElements(org.openqa.selenium.By.cssSelector("#sweep .sweep-not-ok"))
                .isEmpty());
        assertPicture(save("overview.png"), 1440);
    }

    @Test
    void aServiceDetail() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1560));
        browser.open("/service/shop1/Checkout%20API");
        browser.await("the detail page", d -> !d.findElements(org.openqa.selenium.By.id("service-detail")).isEmpty());
        assertThat(browser.find("#service-detail").getText()).contains("PAY-4711");
        assertPicture(save("service-detail.png"), 1440);
    }

    @Test
    void darkPages() throws Exception {
        browser.driver.executeScript("localStorage.setItem('vigil-theme', 'dark')");
        browser.open("/");
        browser.await("the overview", d -> !d.findElements(org.openqa.selenium.By.id("sweep")).isEmpty());
        assertPicture(save("overview-dark.png"), 1440);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1560));
        browser.open("/service/shop1/Checkout%20API");
        browser.await("the detail page", d -> !d.findElements(org.openqa.selenium.By.id("service-detail")).isEmpty());
        assertPicture(save("service-detail-dark.png"), 1440);
    }

    @Test
    void phonePages() throws Exception {
        browser.emulatePhone(390, 844);
        browser.open("/");
        browser.await("the overview", d -> !d.findElements(org.openqa.selenium.By.id("sweep")).isEmpty());
        assertPicture(save("overview-phone.png"), 390);
        browser.open("/problems");
        browser.await("the problems", d -> !d.findElements(org.openqa.selenium.By.id("problem-list")).isEmpty());
        assertPicture(save("problems-phone.png"), 390);
        browser.open("/actions?action=acknowledge&target=shop1%3BOrder%20sync&return_to=/problems");
        browser.await("the form", d -> !d.findElements(org.openqa.selenium.By.id("action-form")).isEmpty());
        assertPicture(save("acknowledge-phone.png"), 390);
        browser.driver.executeScript("localStorage.setItem('vigil-theme', 'dark')");
        browser.open("/service/shop1/Checkout%20API");
        browser.await("the detail page", d -> !d.findElements(org.openqa.selenium.By.id("service-detail")).isEmpty());
        assertPicture(save("service-detail-phone-dark.png"), 390);
    }

    private Path save(String name) throws IOException {
        Path png = out.resolve(name);
        browser.screenshot(png);
        return png;
    }

    private static void assertPicture(Path png, int width) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png + " is a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isGreaterThan(600);
        assertThat(Files.size(png)).isGreaterThan(20_000); // a page, not a blank screen
    }
}
