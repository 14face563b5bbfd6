package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Issue 21's phone: in a 390 px wide Chromium no page scrolls sideways (the sample monitor's data, a very long
 * service output, comments and downtimes included), tables are cards whose values carry their column's name, the
 * navigation stays a compact bar, and the acknowledge form's fields and button fit the width.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest {

    static final int WIDTH = 390;

    /** Every kind of page: lists, groups, details, action forms, entries, the log and an error. */
    static final List<String> PAGES = List.of("/", "/problems", "/hosts", "/services", "/hostgroups", "/servicegroups",
            "/host/shop1", "/service/shop1/Checkout%20API", "/service/shop1/Storefront", "/service/shop1/Disk%20/var",
            "/actions?action=acknowledge&target=shop1%3BCheckout%20API&return_to=/problems",
            "/actions?action=schedule_downtime&target=shop1&return_to=/host/shop1",
            "/actions?action=passive_result&target=shop1%3BStorefront&return_to=/",
            "/downtimes", "/comments", "/log", "/config-errors", "/host/no-such-host");

    /** The widest things a site writes: a plugin's output with a long unbroken token, a long comment. */
    static final String LONG_OUTPUT = "WARNING - storefront slow: GET https://shop.example.com/catalogue/"
            + "x".repeat(240) + "?session=" + "0123456789abcdef".repeat(8) + " answered in 4.2 s;"
            + " backends 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5 10.0.0.6 10.0.0.7 10.0.0.8 slow".repeat(3);

    SampleMonitor monitor;
    Chromium browser;
    long loginPageScroll;
    String loginPageWide;

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
        monitor.credentials = "admin:adm-secret";
        monitor.sweepEverything();
        monitor.send("POST", "/api/v1/services/shop1/Storefront/result",
                "{\"status\":1,\"output\":\"" + LONG_OUTPUT + "\"}");
        monitor.send("POST", "/api/v1/services/shop1/Checkout%20API/comments",
                "{\"comment\":\"Payments gateway vendor paged, ticket PAY-4711; see https://tickets.example.com/"
                        + "browse/PAY-4711?focusedCommentId=" + "9".repeat(60) + "\"}");
        long now = System.currentTimeMillis() / 1000;
        monitor.send("POST", "/api/v1/services/shop1/Order%20sync/downtime", "{\"start\":" + now + ",\"end\":"
                + (now + 7200) + ",\"comment\":\"Order sync moved to the new queue cluster\"}");
        browser = new Chromium(monitor.base, 800, 900);
        browser.emulatePhone(WIDTH, 844);
        // the login page is a page too: measured before logging in
        browser.open("/login");
        browser.await("the login form", d -> !d.findElements(By.name("username")).isEmpty());
        loginPageScroll = number("return document.documentElement.scrollWidth");
        loginPageWide = widest();
        browser.find("input[name=username]").sendKeys("admin");
        browser.find("input[name=password]").sendKeys("adm-secret");
        browser.find("#login [type=submit]").click();
        browser.await("logged in", d -> !d.findElements(By.cssSelector("header.top nav")).isEmpty());
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
    void noPageScrollsSidewaysAt390Pixels() {
        assertThat(number("return window.innerWidth")).as("the window is a phone's width").isEqualTo(WIDTH);
        assertThat(loginPageScroll).as("/login scrolls sideways: " + loginPageWide).isLessThanOrEqualTo(WIDTH);
        Map<String, String> tooWide = new LinkedHashMap<>();
        for (String page : PAGES) {
            browser.open(page);
            browser.await(page + " drawn", d -> !d.findElements(By.tagName("h1")).isEmpty());
            if (number("return document.documentElement.scrollWidth") > WIDTH) {
                tooWide.put(page, widest());
            }
        }
        assertThat(tooWide).as("pages that scroll sideways, with what sticks out").isEmpty();
    }

    @Test
    void rowsAreCardsLabelledByTheirColumns() {
        browser.open("/problems");
        WebElement row = browser.await("the problems", d -> d.findElements(
                By.cssSelector("#problem-list tr[data-host='shop1'][data-service='Checkout API']")).stream()
                .findFirst().orElse(null));
        WebElement state = row.findElements(By.tagName("td")).stream()
                .filter(td -> "State".equals(td.getAttribute("data-label"))).findFirst().orElseThrow();
        assertThat(state.getText()).contains("CRITICAL");
        assertThat(pseudo(state)).isEqualTo("\"State\"");
        // a card: its cells one under the other, the row no wider than the screen
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(2).getRect().getY()).isGreaterThan(cells.get(1).getRect().getY());
        assertThat(row.getRect().getWidth()).isLessThanOrEqualTo(WIDTH);
        // the select-all box and the sort links stay reachable above the cards; the plain headers are hidden (each
        // value has its own)
        assertThat(browser.find("#problem-list thead .select-all").isDisplayed()).isTrue();
        assertThat(browser.find("#problem-list thead th a[href*='sort=host']").isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.xpath("//table[@id='problem-list']/thead//th[text()='Attempt']"))
                .get(0).isDisplayed()).isFalse();
        // a table a script adds later (a sweep's summary, a search's results) is labelled too
        browser.driver.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<table id=\"late\">"
                + "<thead><tr><th>Object <span class=\"arrow\">▲</span></th><th>Result</th></tr></thead><tbody><tr>"
                + "<td>web1</td><td>done</td></tr></tbody></table>')");
        browser.await("the added table's labels", d -> "Result".equals(
                browser.find("#late td:nth-child(2)").getAttribute("data-label")));
        assertThat(browser.find("#late td").getAttribute("data-label")).isEqualTo("Object");
        // the navigation is one compact strip that scrolls sideways, not 190 px of links
        assertThat(browser.find("header.top nav").getRect().getHeight()).isLessThanOrEqualTo(32);
        assertThat(browser.find("header.top").getRect().getHeight()).isLessThanOrEqualTo(64);
        assertThat(number("return document.querySelector('header.top nav').scrollWidth"))
                .isGreaterThan(WIDTH - 20);
    }

    @Test
    void theAcknowledgeFormFitsAndIsSent() {
        browser.open("/service/shop1/Order%20sync");
        browser.driver.findElement(By.linkText("Acknowledge this problem")).click();
        WebElement comment = browser.await("the acknowledgement form",
                d -> d.findElements(By.name("comment")).stream().findFirst().orElse(null));
        for (WebElement field : browser.driver.findElements(By.cssSelector("#action-form input:not([type=hidden]),"
                + " #action-form textarea, #action-form select, #action-form button"))) {
            assertThat(field.getRect().getX() + field.getRect().getWidth()).as(field.getAttribute("outerHTML"))
                    .isLessThanOrEqualTo(WIDTH);
        }
        comment.sendKeys("On it from the phone");
        WebElement submit = browser.find("#action-submit");
        assertThat(submit.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(submit.getRect().getX() + submit.getRect().getWidth()).isLessThanOrEqualTo(WIDTH);
        submit.click();
        browser.await("back with the result", d -> !d.findElements(By.id("action-result")).isEmpty());
        assertThat(browser.driver.findElements(By.linkText("Remove the acknowledgement"))).hasSize(1);
    }

    /** What sticks out to the right, for the failure's message. */
    private String widest() {
        return "width " + number("return window.innerWidth") + ": " + browser.driver.executeScript("""
                var out = [], w = arguments[0];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 0.5 && !e.closest('header.top nav')) {
                    out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right=' + Math.round(r.right));
                  }
                });
                return out.slice(0, 8).join('; ');""", WIDTH);
    }

    private long number(String script) {
        return ((Number) browser.driver.executeScript(script)).longValue();
    }

    private String pseudo(WebElement e) {
        return (String) browser.driver.executeScript("return getComputedStyle(arguments[0], '::before').content", e);
    }
}
