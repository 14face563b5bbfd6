package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 7's end-to-end story in headless Chromium, as on-call walks it: open the overview, follow the unhandled
 * problems to a failing check, open its detail, acknowledge it through the action form, and see it move from the
 * unhandled problems to the handled ones, marked acknowledged.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgeBrowserTest {

    static final String ROW = "tr[data-host='shop1'][data-service='Checkout API']";

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
        monitor.sweepEverything();
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
    void aProblemFollowedFromTheOverviewIsAcknowledgedAndMovesToHandled() {
        browser.open("/");
        browser.find("dl.facts a[href='/problems']").click();
        browser.await("the problems page", d -> d.getCurrentUrl().endsWith("/problems"));
        WebElement problem = browser.find("#problem-list tbody.unhandled " + ROW);
        assertThat(problem.findElement(By.cssSelector(".state")).getText()).isEqualTo("CRITICAL");
        assertThat(problem.findElements(By.cssSelector(".icon-ack"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#problem-list tbody.handled " + ROW))).isEmpty();

        problem.findElement(By.cssSelector("a[href='/service/shop1/Checkout%20API']")).click();
        WebElement detail = browser.await("the service's detail page",
                d -> d.findElements(By.id("service-detail")).stream().findFirst().orElse(null));
        assertThat(detail.getAttribute("data-service")).isEqualTo("Checkout API");
        // the plugin's markup is shown as text
        assertThat(detail.getText()).contains("CRITICAL - checkout answered <b>HTTP 500</b> in 2.31 s")
                .contains("upstream payments-gw timed out");
        assertThat(detail.findElements(By.tagName("b"))).isEmpty();

        browser.driver.findElement(By.linkText("Acknowledge this problem")).click();
        WebElement comment = browser.await("the acknowledgement form",
                d -> d.findElements(By.name("comment")).stream().findFirst().orElse(null));
        assertThat(browser.find("main").getText()).contains("shop1").contains("Checkout API");
        comment.clear();
        comment.sendKeys("Payments gateway vendor paged, ticket PAY-4711");
        WebElement form = comment.findElement(By.xpath("./ancestor::form"));
        form.findElement(By.cssSelector("[type=submit]")).click();

        // back where the action started, with its result
        browser.await("back on the detail page with the result", d -> !d.findElements(By.id("service-detail"))
                .isEmpty() && !d.findElements(By.id("action-result")).isEmpty());
        assertThat(browser.find("#action-result").getText()).isNotBlank();
        assertThat(browser.driver.findElements(By.linkText("Remove the acknowledgement"))).hasSize(1);
        assertThat(browser.find("#service-detail").getText()).contains("PAY-4711");

        browser.open("/problems");
        WebElement handled = browser.await("the problem among the handled ones",
                d -> d.findElements(By.cssSelector("#problem-list tbody.handled " + ROW)).stream().findFirst()
                        .orElse(null));
        // who is on it, in the badge's tooltip
        assertThat(handled.findElement(By.cssSelector(".icons .icon-ack")).getAttribute("title"))
                .isEqualTo("Acknowledged by vigil-web: Payments gateway vendor paged, ticket PAY-4711");
        assertThat(browser.driver.findElements(By.cssSelector("#problem-list tbody.unhandled " + ROW))).isEmpty();
        // the other shop problems are still unhandled
        assertThat(browser.driver.findElements(By.cssSelector(
                "#problem-list tbody.unhandled tr[data-host='shop1'][data-service='Order sync']"))).hasSize(1);
    }
}
