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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vigil.web.api.OutageFixture;

/**
 * Issue 21's data-centre outage in headless Chromium: 2,000 CRITICAL services on one list page, "select all",
 * acknowledge, and all 2,000 show acknowledged. The selection goes by POST (a GET's query string stopped at
 * Jetty's 414 near 300 targets). A real daemon and the real web server, as {@code vigil run} wires them.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkAcknowledgeBrowserTest {

    static final int HOSTS = 200;
    static final int SERVICES_PER_HOST = 10;
    static final int ALL = HOSTS * SERVICES_PER_HOST;

    OutageFixture outage;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        outage = new OutageFixture(dir, HOSTS, SERVICES_PER_HOST, new OutageFixture.Names("dc2-node-",
                "Storage path ", "CRITICAL - storage array dc2-a unreachable"));
        long t1 = System.nanoTime();
        browser = new Chromium(outage.base(), 1280, 1000);
        System.out.printf("bulk acknowledge in Chromium: monitor of %,d services %d ms, browser %d ms%n", ALL,
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (outage != null) {
            outage.close();
        }
    }

    private long count(String css) {
        return (Long) ((JavascriptExecutor) browser.driver).executeScript(
                "return document.querySelectorAll(arguments[0]).length;", css);
    }

    @Test
    void selectAllOfTwoThousandAndAcknowledge() {
        long t0 = System.nanoTime();
        String list = "/services?state=CRITICAL&per_page=" + ALL;
        browser.open(list);
        assertThat(count("#service-list tbody input.select[name=target]")).isEqualTo(ALL);
        assertThat(count("#service-list tbody .icon-ack")).isZero();

        browser.find("#service-list input.select-all").click();
        assertThat(count("#service-list tbody input.select[name=target]:checked")).isEqualTo(ALL);
        WebElement bar = browser.find("form.list-actions .action-bar");
        new Select(bar.findElement(By.name("action"))).selectByValue("acknowledge");
        bar.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement summary = browser.await("the acknowledgement form for all of them",
                d -> d.findElements(By.id("action-target-count")).stream().findFirst().orElse(null));
        assertThat(summary.getText()).isEqualTo(ALL + " targets");
        assertThat(count("#action-form input[type=hidden][name=target]")).isEqualTo(ALL);
        WebElement comment = browser.find("#f-comment");
        comment.sendKeys("dc2 storage array down, vendor on site (INC-2207)");
        browser.find("#action-submit").click();

        browser.await("back on the list with the result", d -> !d.findElements(By.id("action-result")).isEmpty());
        System.out.printf("bulk acknowledge in Chromium: list, select all, form and %,d acknowledgements %d ms%n",
                ALL, (System.nanoTime() - t0) / 1_000_000);
        assertThat(browser.find("#action-result").getText()).contains(ALL + " objects");
        browser.open(list);
        assertThat(count("#service-list tbody tr")).isEqualTo(ALL);
        assertThat(count("#service-list tbody .icon-ack")).as("every row marked acknowledged").isEqualTo(ALL);
        assertThat(browser.find("#service-list tbody .icon-ack").getAttribute("title"))
                .contains("INC-2207");
    }
}
