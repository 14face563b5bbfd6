package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The sweep button of one host group on the group overview, among the others' buttons: it sweeps that group only. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupSweepBrowserTest {

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
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
    void aHostGroupsButtonSweepsThatGroupOnly() {
        browser.open("/hostgroups");
        String panel = ".sweep[data-hostgroup='web-servers']";
        WebElement button = browser.await("the web servers' sweep button",
                d -> d.findElements(By.cssSelector(panel + " .sweep-start")).stream().filter(WebElement::isEnabled)
                        .findFirst().orElse(null));
        assertThat(browser.driver.findElements(By.cssSelector(".sweep .sweep-start")).size())
                .isGreaterThan(2); // everything, and one per group
        button.click();
        browser.await("the group's sweep is over", d -> !d.findElements(By.cssSelector(panel + " .sweep-not-ok"))
                .isEmpty());
        assertThat(browser.find(panel + " .sweep-phase").getText()).isEqualTo("finished");
        // web1 and shop1 (1 + 1 host checks, 2 + 6 services)
        assertThat(browser.find(panel + " .sweep-count").getText()).isEqualTo("10 of 10");
        List<String> failed = browser.find(panel + " .sweep-not-ok").findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.getAttribute("data-host") + ";" + r.getAttribute("data-service")).toList();
        assertThat(failed).contains("web1;HTTP port", "shop1;Checkout API").doesNotContain("lb1;Closed port",
                "db1;Replication lag");
        // the other panels did not move
        assertThat(browser.find("#sweep .sweep-live").isDisplayed()).isFalse();
        assertThat(browser.find(".sweep[data-hostgroup='database-servers'] .sweep-live").isDisplayed())
                .isFalse();
    }
}
