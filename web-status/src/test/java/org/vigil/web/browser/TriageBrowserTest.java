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
import org.openqa.selenium.support.ui.Select;
import org.vigil.web.app.VigilConfiguration;

/**
 * Issue 21's triage of a host outage in headless Chromium: three DOWN hosts with ten CRITICAL services each show on
 * {@code /problems} as three host rows, each opening (a {@code <details>}, no script needed) to its ten services;
 * acknowledging one host on its page moves its row, with its services, to the handled problems.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageBrowserTest {

    static final List<String> RACK = List.of("rack4-a", "rack4-b", "rack4-c");

    SampleMonitor monitor;
    Chromium browser;

    /** Three hosts whose check fails (DOWN at once) with ten failing services each. */
    static String outage() {
        StringBuilder b = new StringBuilder();
        for (String h : RACK) {
            b.append("""
                    define host {
                        use                     generic-host
                        host_name               %s
                        address                 127.0.0.1
                        max_check_attempts      1
                        check_command           check_dummy!2!CRITICAL - no answer from %s (rack 4 power)
                    }
                    """.formatted(h, h));
            for (int i = 1; i <= 10; i++) {
                b.append("""
                        define service {
                            use                     demo-failure-service
                            host_name               %s
                            service_description     app-%02d
                            max_check_attempts      1
                            check_command           check_dummy!2!CRITICAL - connection refused
                        }
                        """.formatted(h, i));
            }
        }
        return b.toString();
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir, new VigilConfiguration(), outage());
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

    private List<WebElement> rows(String section, String host) {
        return browser.driver.findElements(By.cssSelector("#problem-list tbody." + section + " tr[data-host='" + host
                + "']"));
    }

    @Test
    void threeDownHostsAreThreeRowsEachOpeningToItsServicesAndAnAcknowledgedOneMovesToHandled() {
        browser.open("/problems");
        for (String h : RACK) {
            List<WebElement> rows = rows("unhandled", h);
            assertThat(rows).as(h).hasSize(1);
            WebElement row = rows.get(0);
            assertThat(row.getAttribute("data-service")).as(h).isNull();
            assertThat(row.findElement(By.cssSelector(":scope > td > .state")).getText()).isEqualTo("DOWN");
            WebElement summary = row.findElement(By.cssSelector("details.affected summary"));
            assertThat(summary.getText()).isEqualTo("10 services affected: 10 CRITICAL");
            List<WebElement> services = row.findElements(By.cssSelector("ul.affected li"));
            assertThat(services).hasSize(10);
            assertThat(services.get(0).isDisplayed()).as("folded until opened").isFalse();
            summary.click();
            browser.await(h + "'s services shown", d -> services.stream().allMatch(WebElement::isDisplayed));
            assertThat(services.stream().map(li -> li.getAttribute("data-service")).sorted().toList())
                    .containsExactly("app-01", "app-02", "app-03", "app-04", "app-05", "app-06", "app-07", "app-08",
                            "app-09", "app-10");
            assertThat(services.get(0).getText()).contains("CRITICAL").contains("connection refused");
        }
        // no service of a dead host is a row of its own
        assertThat(browser.driver.findElements(By.cssSelector("#problem-list tr[data-host^='rack4-'][data-service]")))
                .isEmpty();

        browser.find("#problem-list tr[data-host='rack4-b'] a[href='/host/rack4-b']").click();
        browser.await("rack4-b's page", d -> d.getCurrentUrl().endsWith("/host/rack4-b"));
        browser.driver.findElement(By.linkText("Acknowledge this problem")).click();
        WebElement comment = browser.await("the acknowledgement form",
                d -> d.findElements(By.name("comment")).stream().findFirst().orElse(null));
        comment.clear();
        comment.sendKeys("rack 4 PDU replaced by facilities, ticket DC-88");
        comment.findElement(By.xpath("./ancestor::form")).findElement(By.cssSelector("[type=submit]")).click();
        browser.await("back with the result", d -> !d.findElements(By.id("action-result")).isEmpty());

        browser.open("/problems");
        WebElement handled = browser.await("rack4-b among the handled problems",
                d -> d.findElements(By.cssSelector("#problem-list tbody.handled tr[data-host='rack4-b']")).stream()
                        .findFirst().orElse(null));
        assertThat(handled.findElements(By.cssSelector(".icon-ack"))).isNotEmpty();
        assertThat(handled.findElements(By.cssSelector("ul.affected li"))).hasSize(10);
        assertThat(rows("unhandled", "rack4-b")).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#problem-list tbody.unhandled [data-host='rack4-b']")))
                .isEmpty();
        assertThat(rows("unhandled", "rack4-a")).hasSize(1);
        assertThat(rows("unhandled", "rack4-c")).hasSize(1);
        foldedServicesAreSelectable();
    }

    /**
     * A folded service has its own check box: ticked alone, it is the one target of a bulk action; the header's
     * "select all" ticks the folded services with their hosts' rows.
     */
    private void foldedServicesAreSelectable() {
        String box = "#problem-list tbody.unhandled tr[data-host='rack4-a'] ul.affected li[data-service='app-03'] "
                + "input.select[name=target]";
        browser.find("#problem-list tbody.unhandled tr[data-host='rack4-a'] details.affected summary").click();
        browser.await("rack4-a's services shown", d -> d.findElement(By.cssSelector(box)).isDisplayed());
        assertThat(browser.find(box).getAttribute("value")).isEqualTo("rack4-a;app-03");
        browser.find(box).click();
        WebElement bar = browser.find("form.list-actions .action-bar");
        new Select(bar.findElement(By.name("action"))).selectByValue("acknowledge");
        bar.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("the acknowledgement form for the folded service",
                d -> d.findElements(By.id("action-targets")).stream().findFirst().orElse(null));
        assertThat(browser.driver.findElements(By.cssSelector("#action-form input[type=hidden][name=target]")))
                .extracting(e -> e.getAttribute("value")).containsExactly("rack4-a;app-03");

        browser.open("/problems");
        browser.find("#problem-list input.select-all").click();
        // every row's box and every folded service's, rack4-b's ten among the handled problems too
        assertThat(browser.driver.findElements(By.cssSelector("#problem-list input.select[name=target]:checked")))
                .hasSameSizeAs(browser.driver.findElements(By.cssSelector("#problem-list input.select[name=target]")));
        assertThat(browser.driver.findElements(By.cssSelector(
                "#problem-list ul.affected input.select[name=target]:checked"))).hasSize(30);
    }
}
