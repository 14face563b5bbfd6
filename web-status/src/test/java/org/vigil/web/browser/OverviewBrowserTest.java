package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tactical overview in headless Chromium on the sample config with failing checks. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserTest {

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
        monitor.sweepEverything();
        browser = new Chromium(monitor.base, 1280, 900);
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
    void theOverviewCountsTheFailingChecks() {
        browser.open("/");
        // the unhandled problems first, when there are any (header.js keeps them up to date)
        assertThat(browser.driver.getTitle()).matches("(\\(\\d+\\) )?Tactical overview · Vigil");
        String critical = browser.find("#services-counts tr.state-critical").getText();
        // at least the shop's two critical checks and the sample's closed port; unhandled, as none is acknowledged
        assertThat(critical).startsWith("CRITICAL");
        int total = Integer.parseInt(browser.find("#services-counts tr.state-critical td").getText());
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(browser.find("#services-counts tr.state-warning td").getText()).isNotEqualTo("0");
    }
}
