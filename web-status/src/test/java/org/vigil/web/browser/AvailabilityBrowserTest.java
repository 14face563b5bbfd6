package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21's availability report and state timeline in headless Chromium, on a history written into the running
 * sample's log: a service OK, CRITICAL for 350 s, WARNING for 100 s, OK again, with a service downtime over 300 s
 * of it. The report over those 1,000 s shows the shares worked out by hand with avail.cgi's rules (the process test
 * compares the same pages with avail.cgi itself), and the timeline draws each state and the downtime to scale.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityBrowserTest {

    /** A past period, so the report does not move while the test reads it. */
    static final long T1 = 1_700_000_000L;
    static final String SERVICE = "Checkout API";

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
        Path log = monitor.daemon.mainConfig().path("log_file").orElseThrow();
        String history = String.join("\n",
                line(-100, "SERVICE ALERT: shop1;" + SERVICE + ";OK;HARD;1;fine"),
                line(250, "SERVICE ALERT: shop1;" + SERVICE + ";CRITICAL;HARD;1;HTTP 500"),
                line(300, "SERVICE ALERT: shop1;" + SERVICE + ";CRITICAL;SOFT;1;soft states are left out"),
                line(500, "SERVICE DOWNTIME ALERT: shop1;" + SERVICE + ";STARTED; Service has entered a period"
                        + " of scheduled downtime"),
                line(600, "SERVICE ALERT: shop1;" + SERVICE + ";WARNING;HARD;1;slow"),
                line(700, "SERVICE ALERT: shop1;" + SERVICE + ";OK;HARD;1;fine"),
                line(800, "SERVICE DOWNTIME ALERT: shop1;" + SERVICE + ";STOPPED; Service has exited from a"
                        + " period of scheduled downtime")) + "\n";
        Files.writeString(log, history, StandardOpenOption.APPEND);
        browser = new Chromium(monitor.base, 1280, 1000);
    }

    private static String line(long offset, String text) {
        return "[" + (T1 + offset) + "] " + text;
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
    void theReportShowsTheSharesOfEachStateAndTheTimelineDrawsThem() {
        browser.open("/availability?host=shop1&service=Checkout%20API&timeperiod=custom&t1=" + T1 + "&t2="
                + (T1 + 1000));
        WebElement table = browser.find("#availability");
        // OK 250 + 300 s (100 s of it in downtime), CRITICAL 350 s (100 s in downtime: the state before the
        // downtime's first change), WARNING 100 s (all in downtime), nothing undetermined
        assertThat(cells(table, "total", "pct")).containsExactlyInAnyOrderEntriesOf(Map.of("OK", "55.000%",
                "WARNING", "10.000%", "UNKNOWN", "0.000%", "CRITICAL", "35.000%", "UNDETERMINED", "0.000%"));
        assertThat(row(table, "CRITICAL", "scheduled")).contains("0d 0h 1m 40s", "10.000%");
        assertThat(row(table, "CRITICAL", "unscheduled")).contains("0d 0h 4m 10s", "25.000%");
        assertThat(row(table, "OK", "scheduled")).contains("0d 0h 1m 40s", "10.000%");
        assertThat(row(table, "WARNING", "unscheduled")).contains("0d 0h 0m 0s", "0.000%");

        List<WebElement> bars = browser.driver.findElements(By.cssSelector("#report-timeline svg rect[data-state]"));
        Map<String, String> widths = bars.stream().collect(Collectors.toMap(b -> b.getAttribute("data-state")
                + "@" + b.getAttribute("x"), b -> b.getAttribute("width")));
        assertThat(widths).containsExactlyInAnyOrderEntriesOf(Map.of("OK@0.000", "250.000",
                "CRITICAL@250.000", "350.000", "WARNING@600.000", "100.000", "OK@700.000", "300.000",
                "DOWNTIME@500.000", "300.000"));
        WebElement critical = bars.stream().filter(b -> "CRITICAL".equals(b.getAttribute("data-state"))).findFirst()
                .orElseThrow();
        assertThat(critical.getSize().getWidth()).as("drawn to scale").isGreaterThan(100);
        assertThat(critical.getCssValue("fill")).as("in the CRITICAL colour").isEqualTo("rgb(209, 51, 46)");

        // CSV export of the same report, and the detail page's own 25-hour timeline
        assertThat(browser.find("#csv-link").getAttribute("href")).contains("csvoutput");
        browser.open("/service/shop1/Checkout%20API");
        WebElement timeline = browser.find("#state-history #timeline svg");
        assertThat(timeline.getSize().getWidth()).isGreaterThan(500);
        assertThat(browser.find("#state-history").getText()).contains("last 25 hours");
    }

    /** The text of one cell of each state's row of {@code kind}. */
    private static Map<String, String> cells(WebElement table, String kind, String cssClass) {
        return table.findElements(By.cssSelector("tr[data-kind='" + kind + "']")).stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-state"),
                        r -> r.findElement(By.cssSelector("td." + cssClass)).getText()));
    }

    private static String row(WebElement table, String state, String kind) {
        return table.findElement(By.cssSelector("tr[data-state='" + state + "'][data-kind='" + kind + "']"))
                .getText();
    }
}
