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

/** Issue 8's sweep button in headless Chromium: live progress to 100%, then the failing checks listed. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepBrowserTest {

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
        monitor.sweepEverything();
        // a passive OK just before the sweep, so the sweep's CRITICAL for it is a change it must mark
        monitor.send("POST", "/api/v1/services/shop1/Order%20sync/result",
                "{\"status\":\"ok\",\"output\":\"OK - caught up\"}");
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
    void theSweepButtonShowsProgressToTheEndAndListsTheFailures() {
        browser.open("/");
        WebElement button = browser.await("the sweep button is enabled by its script",
                d -> browser.find("#sweep .sweep-start").isEnabled() ? browser.find("#sweep .sweep-start") : null);
        assertThat(browser.find("#sweep .sweep-live").isDisplayed()).isFalse();
        button.click();
        // live: the slow search-index check keeps the sweep running for 2 s, seen part way with its failures
        browser.await("the sweep is seen running part way", d -> {
            String[] n = browser.find("#sweep .sweep-count").getText().split(" of ");
            return browser.find("#sweep .sweep-phase").getText().equals("running") && n.length == 2
                    && Integer.parseInt(n[0]) < Integer.parseInt(n[1])
                    && browser.find("#sweep .sweep-failures").getText().contains("not OK so far");
        });
        assertThat(browser.find("#sweep .sweep-live").isDisplayed()).isTrue();
        assertThat(browser.find("#sweep .sweep-cancel").isDisplayed()).isTrue();
        assertThat(browser.find("#sweep .sweep-start").isEnabled()).isFalse();

        browser.await("the sweep's progress reaches 100%",
                d -> "100".equals(browser.find("#sweep .sweep-bar").getAttribute("aria-valuenow"))
                        && browser.find("#sweep .sweep-phase").getText().equals("finished"));
        String count = browser.find("#sweep .sweep-count").getText();
        assertThat(count).matches("(\\d+) of \\1");
        assertThat(Integer.parseInt(count.split(" ")[0])).isEqualTo(23); // 5 host checks, 18 services
        assertThat(browser.find("#sweep .sweep-percent").getText()).isEqualTo("100%");
        assertThat(browser.find("#sweep .sweep-elapsed").getText()).matches("\\d+\\.\\d s");
        assertThat(browser.find("#sweep .sweep-failures").getText()).contains("not OK").contains("CRITICAL")
                .contains("WARNING").contains("shop1 4");

        WebElement results = browser.await("the summary lists what is not OK",
                d -> d.findElements(By.cssSelector("#sweep .sweep-not-ok")).stream().findFirst().orElse(null));
        List<WebElement> rows = results.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-host") + ";" + r.getAttribute("data-service"))
                .contains("shop1;Checkout API", "shop1;Order sync", "shop1;Payment queue", "lb1;Closed port",
                        "db1;Replication lag")
                .doesNotContain("shop1;Storefront", "shop1;Search index");
        WebElement checkout = row(results, "shop1", "Checkout API");
        assertThat(checkout.findElement(By.cssSelector(".state")).getText()).isEqualTo("CRITICAL");
        // the plugin's markup is shown as text, not rendered
        assertThat(checkout.findElement(By.cssSelector(".output")).getText())
                .startsWith("CRITICAL - checkout answered <b>HTTP 500</b> in 2.31 s");
        assertThat(checkout.findElements(By.cssSelector("b"))).isEmpty();
        assertThat(checkout.findElements(By.cssSelector(".changed"))).isEmpty();
        assertThat(checkout.findElement(By.cssSelector("a[href='/service/shop1/Checkout%20API']")).getText())
                .isEqualTo("Checkout API");
        WebElement orders = row(results, "shop1", "Order sync");
        assertThat(orders.findElement(By.cssSelector(".changed")).getText()).isEqualTo("changed: was OK");
        assertThat(row(results, "shop1", "Payment queue").findElement(By.cssSelector(".state")).getText())
                .isEqualTo("WARNING");
        assertThat(browser.find("#sweep .sweep-headline").getText()).startsWith("Ran ").contains("not OK");
        assertThat(browser.find("#sweep .sweep-start").isEnabled()).isTrue();
        assertThat(browser.find("#sweep .sweep-error").isDisplayed()).isFalse();

        // a result links to its detail page, a slash in the description included
        row(results, "shop1", "Disk /var").findElement(By.cssSelector("a[href='/service/shop1/Disk%20/var']")).click();
        WebElement detail = browser.await("the detail page of Disk /var",
                d -> d.findElements(By.id("service-detail")).stream().findFirst().orElse(null));
        assertThat(detail.getAttribute("data-service")).isEqualTo("Disk /var");
        assertThat(detail.getText()).contains("/var is 97% full");
    }

    private static WebElement row(WebElement table, String host, String service) {
        return table.findElement(By.cssSelector("tr[data-host='" + host + "'][data-service='" + service + "']"));
    }
}
