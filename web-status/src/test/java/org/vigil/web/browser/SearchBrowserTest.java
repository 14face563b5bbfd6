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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.vigil.web.app.VigilConfiguration;

/**
 * Issue 21's header in headless Chromium on the sample config with failing checks, pages refreshing every 3 s
 * ({@code pages.refresh_seconds}): "/" focuses the search box, typing shows results, arrow keys and Enter open the
 * chosen one's page; the header's counts and the title's count match /problems and follow a new problem without a
 * reload; browser notifications, once on, announce a new hard problem once; and after a sweep the page refreshes
 * again (its hold used to stay for good).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBrowserTest {

    static final int REFRESH_SECONDS = 3;

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        VigilConfiguration settings = new VigilConfiguration();
        settings.pages.refreshSeconds = REFRESH_SECONDS;
        monitor = new SampleMonitor(dir, settings);
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

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    private String activeId() {
        return (String) js("return document.activeElement && document.activeElement.id");
    }

    @Test
    void slashFocusesTheSearchAndArrowKeysAndEnterOpenAResult() {
        browser.open("/hosts");
        browser.await("the header script is loaded", d -> js("return document.readyState").equals("complete"));
        new Actions(browser.driver).sendKeys("/").perform();
        assertThat(activeId()).isEqualTo("search-box");
        WebElement box = browser.find("#search-box");
        assertThat(box.getAttribute("value")).isEmpty(); // the "/" itself is not typed
        box.sendKeys("port");
        List<WebElement> hits = browser.await("results appear as you type", d -> {
            List<WebElement> h = d.findElements(By.cssSelector("#search-results a.search-hit"));
            return browser.find("#search-results").isDisplayed() && !h.isEmpty() ? h : null;
        });
        // "port" starts a word of three services' names: the shortest name first
        List<String> services = hits.stream().filter(h -> "service".equals(h.getAttribute("data-kind")))
                .map(h -> h.getAttribute("data-name")).toList();
        assertThat(services).startsWith("HTTP port", "Closed port", "PostgreSQL port");
        assertThat(browser.find("#search-results .search-kind").getAttribute("textContent")).startsWith("Services");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(hits.get(0).getAttribute("class")).contains("active");
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(hits.get(0).getAttribute("class")).doesNotContain("active");
        assertThat(hits.get(1).getAttribute("class")).contains("active");
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(hits.get(1).getAttribute("id"));
        box.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP); // from the first, up wraps to the last
        assertThat(hits.get(hits.size() - 1).getAttribute("class")).contains("active");
        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN); // and down from the last to the first, then the second
        WebElement chosen = hits.get(1);
        String host = chosen.getAttribute("data-host");
        assertThat(chosen.getAttribute("data-name")).isEqualTo("Closed port");
        box.sendKeys(Keys.ENTER);
        WebElement detail = browser.await("the chosen service's page opens",
                d -> d.findElements(By.id("service-detail")).stream().findFirst().orElse(null));
        assertThat(detail.getAttribute("data-service")).isEqualTo("Closed port");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/service/" + host + "/Closed%20port");

        // Escape closes the list, a second one leaves the box
        browser.find("#search-box").sendKeys("shop");
        browser.await("results for shop", d -> browser.find("#search-results").isDisplayed());
        browser.find("#search-box").sendKeys(Keys.ESCAPE);
        assertThat(browser.find("#search-results").isDisplayed()).isFalse();
        browser.find("#search-box").sendKeys(Keys.ESCAPE);
        assertThat(activeId()).isNotEqualTo("search-box");
        // Enter without a chosen result goes to the search page
        browser.find("#search-box").sendKeys(Keys.chord(Keys.CONTROL, "a"), "shop1", Keys.ENTER);
        browser.await("the search page", d -> d.getCurrentUrl().endsWith("/search?q=shop1"));
        assertThat(browser.find("#search-host").getText()).contains("shop1").contains("Shop server 1");
    }

    @Test
    void theHeaderCountsAndTheTitleMatchTheProblemsAndFollowThemWithoutAReload() throws Exception {
        browser.open("/problems?handled=unhandled");
        int unhandled = Integer.parseInt(browser.find("#list-counts strong").getText());
        assertThat(unhandled).isGreaterThanOrEqualTo(5);
        assertThat(browser.driver.getTitle()).isEqualTo("(" + unhandled + ") Problems · Vigil");
        assertThat(browser.find("#favicon").getAttribute("href")).endsWith("/favicon.svg?n=" + unhandled);
        assertThat(headerSum("unhandled")).isEqualTo(unhandled);
        // each state's link lists as many problems as its count says
        int critical = count("CRITICAL", "unhandled");
        browser.find("#problem-counts a[data-state=CRITICAL][data-handling=unhandled]").click();
        browser.await("the critical problems", d -> d.getCurrentUrl().endsWith("state=CRITICAL&handled=unhandled"));
        assertThat(Integer.parseInt(browser.find("#list-counts strong").getText())).isEqualTo(critical);

        // a new problem: the counts follow while the page stays (a focused box holds the page's own refresh)
        browser.open("/problems?handled=unhandled");
        js("window.vigilMarker = 1");
        browser.find("#search-box").click();
        monitor.send("POST", "/api/v1/services/shop1/Storefront/result",
                "{\"status\":\"critical\",\"output\":\"CRITICAL - storefront down\"}");
        int now = critical + 1;
        browser.await("the header counts the new CRITICAL", d -> count("CRITICAL", "unhandled") == now);
        assertThat(browser.driver.getTitle()).isEqualTo("(" + (unhandled + 1) + ") Problems · Vigil");
        assertThat(browser.find("#favicon").getAttribute("href")).endsWith("/favicon.svg?n=" + (unhandled + 1));
        assertThat(js("return window.vigilMarker")).as("no reload").isEqualTo(1L);
        assertThat(browser.find("#header-clock").getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+");
    }

    @Test
    void afterASweepThePageRefreshesAgain() {
        browser.open("/");
        WebElement start = browser.await("the sweep button is enabled by its script",
                d -> browser.find("#sweep .sweep-start").isEnabled() ? browser.find("#sweep .sweep-start") : null);
        js("window.vigilMarker = 1");
        start.click();
        browser.await("the sweep ends", d -> "over".equals(browser.find("#sweep").getAttribute("data-phase"))
                && browser.find("#sweep .sweep-headline").isDisplayed());
        assertThat(browser.find("#sweep").getAttribute("data-hold-refresh")).isNull();
        // the summary stays a whole refresh period, then the page reloads (it never did before the fix)
        assertThat(js("return window.vigilMarker")).isEqualTo(1L);
        browser.await("the page reloads after the sweep", d -> js("return window.vigilMarker") == null);
        assertThat(browser.find("#sweep .sweep-start").getText()).isEqualTo("Run all checks now");
    }

    @Test
    void notificationsOnceOnAnnounceEachNewHardProblemOnce() throws Exception {
        browser.driver.executeCdpCommand("Browser.grantPermissions",
                java.util.Map.of("origin", monitor.base, "permissions", List.of("notifications")));
        browser.open("/hosts");
        WebElement toggle = browser.await("the toggle is offered", d -> browser.find("#notify-toggle").isDisplayed()
                ? browser.find("#notify-toggle") : null);
        assertThat(toggle.getText()).isEqualTo("Notify: off");
        // note each notification the page shows (the browser's own Notification still shows it)
        js("window.shown = []; var N = window.Notification; window.Notification = class extends N {"
                + " constructor(t, o) { super(t, o); window.shown.push(t); } };");
        toggle.click();
        browser.await("notifications on", d -> toggle.getText().equals("Notify: on"));
        browser.find("#search-box").click(); // holds the page's reload, so the page (and its notes) stay
        browser.await("the problems of now are seen", d -> js("return localStorage.getItem("
                + "'vigil-hard-problems-seen')") != null);
        assertThat(js("return window.shown.length")).as("what was broken already is not new").isEqualTo(0L);

        monitor.send("POST", "/api/v1/services/shop1/Payment%20queue/result",
                "{\"status\":\"critical\",\"output\":\"CRITICAL - 400 payments waiting\"}");
        String title = "CRITICAL: Payment queue on shop1";
        browser.await("a notification of the new hard problem", d -> shown(title) == 1);
        // the next refreshes do not announce it again
        long polls = (Long) js("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/api/v1/summary') >= 0; }).length");
        browser.await("two more refreshes", d -> (Long) js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/api/v1/summary') >= 0; }).length") >= polls + 2);
        assertThat(shown(title)).isEqualTo(1);
        toggle.click();
        assertThat(toggle.getText()).isEqualTo("Notify: off");
    }

    /** How many notifications titled {@code title} the page showed. */
    private int shown(String title) {
        return ((Number) js("return window.shown.filter(function (t) { return t === arguments[0]; }).length"
                .replace("arguments[0]", "'" + title + "'"))).intValue();
    }

    /** The header's count of {@code state}, {@code handling} ("unhandled" or "handled"). */
    private int count(String state, String handling) {
        WebElement a = browser.find("#problem-counts a[data-state=" + state + "][data-handling=" + handling + "]");
        return Integer.parseInt(a.findElement(By.tagName("b")).getAttribute("textContent"));
    }

    private int headerSum(String handling) {
        int n = 0;
        for (String s : new String[] {"DOWN", "UNREACHABLE", "CRITICAL", "WARNING", "UNKNOWN"}) {
            n += count(s, handling);
        }
        return n;
    }
}
