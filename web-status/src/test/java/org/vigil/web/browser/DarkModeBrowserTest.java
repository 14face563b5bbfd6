package org.vigil.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 21's dark mode in Chromium: the browser's {@code prefers-color-scheme} (emulated through DevTools) switches
 * the palette, the header's toggle overrides it and is remembered across reloads, the choice is applied by a
 * script in {@code <head>} before the page is drawn, and text on state badges keeps a 4.5:1 contrast in both themes.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DarkModeBrowserTest {

    /** The page's background, light and dark (vigil.css's --bg). */
    static final String LIGHT = "rgb(246, 247, 249)";
    static final String DARK = "rgb(21, 24, 30)";

    SampleMonitor monitor;
    Chromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        monitor = new SampleMonitor(dir);
        monitor.sweepEverything(); // every state's badge on the pages
        browser = new Chromium(monitor.base, 1024, 800);
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

    @BeforeEach
    void noChoiceYet() {
        browser.open("/");
        browser.driver.executeScript("localStorage.clear()");
        browser.emulateColourScheme("light");
    }

    @Test
    void theBrowsersPreferenceSwitchesThePalette() {
        browser.open("/");
        assertThat(background("body")).isEqualTo(LIGHT);
        assertThat(background(".panel")).isEqualTo("rgb(255, 255, 255)");
        browser.emulateColourScheme("dark");
        browser.await("the dark palette", d -> DARK.equals(background("body")));
        assertThat(background(".panel")).isEqualTo("rgb(30, 35, 43)");
        assertThat(browser.driver.executeScript("return getComputedStyle(document.body).color"))
                .isEqualTo("rgb(223, 227, 234)");
        assertThat(browser.find("html").getAttribute("data-theme")).isNull();
    }

    @Test
    void theToggleWinsOverThePreferenceAndIsRememberedAcrossReloads() {
        browser.emulateColourScheme("dark");
        browser.open("/");
        assertThat(background("body")).isEqualTo(DARK);
        assertThat(toggle()).isEqualTo("Theme: auto");

        browser.find("#theme-toggle").click();
        assertThat(toggle()).isEqualTo("Theme: light");
        assertThat(background("body")).isEqualTo(LIGHT);
        browser.open("/problems");
        assertThat(browser.find("html").getAttribute("data-theme")).isEqualTo("light");
        assertThat(background("body")).isEqualTo(LIGHT);
        assertThat(toggle()).isEqualTo("Theme: light");

        browser.find("#theme-toggle").click();
        browser.emulateColourScheme("light");
        browser.driver.navigate().refresh();
        assertThat(toggle()).isEqualTo("Theme: dark");
        assertThat(background("body")).isEqualTo(DARK);

        browser.find("#theme-toggle").click(); // back to auto: the preference (light) again, nothing stored
        assertThat(background("body")).isEqualTo(LIGHT);
        browser.driver.navigate().refresh();
        assertThat(toggle()).isEqualTo("Theme: auto");
        assertThat(browser.driver.executeScript("return localStorage.getItem('vigil-theme')")).isNull();
    }

    @Test
    void theChoiceIsAppliedBeforeThePageIsDrawn() {
        browser.driver.executeScript("localStorage.setItem('vigil-theme', 'dark')");
        browser.open("/hosts");
        // a blocking script in <head>, before the style sheet: <html data-theme> is set before <body> exists
        assertThat(browser.driver.executeScript("""
                var s = document.querySelector('head script[src="/static/theme.js"]');
                var css = document.querySelector('head link[rel=stylesheet]');
                return s !== null && !s.defer && !s.async
                    && (s.compareDocumentPosition(css) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;""")).isEqualTo(true);
        assertThat(browser.find("html").getAttribute("data-theme")).isEqualTo("dark");
        assertThat(background("body")).isEqualTo(DARK);
    }

    @Test
    void badgeTextKeepsItsContrastInBothThemes() {
        for (String theme : List.of("light", "dark")) {
            browser.driver.executeScript("localStorage.setItem('vigil-theme', arguments[0])", theme);
            for (String page : List.of("/", "/services", "/hostgroups")) {
                browser.open(page);
                @SuppressWarnings("unchecked")
                List<Object> found = (List<Object>) browser.driver.executeScript(CONTRASTS);
                assertThat(found).as(theme + " " + page + ": badges").isNotEmpty();
                for (Object f : found) {
                    List<?> badge = (List<?>) f;
                    assertThat(((Number) badge.get(1)).doubleValue()).as(theme + " " + page + ": " + badge.get(0))
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
        }
        browser.open("/services");
        assertThat(browser.driver.findElements(By.cssSelector(".state.state-critical"))).isNotEmpty();
    }

    /** [text, contrast] of every badge with text: state badges and the groups' counts (WCAG's formula). */
    static final String CONTRASTS = """
            var lum = function (c) {
              var v = c.match(/[0-9.]+/g).slice(0, 3).map(function (x) {
                x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
            };
            var out = [];
            document.querySelectorAll('.state, a.count:not(.zero)').forEach(function (e) {
              if (!e.textContent.trim()) { return; }
              var s = getComputedStyle(e), a = lum(s.color), b = lum(s.backgroundColor);
              out.push([e.className + ' ' + e.textContent.trim(), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
            });
            return out;""";

    private String background(String css) {
        return (String) browser.driver.executeScript("return getComputedStyle(document.querySelector(arguments[0]))"
                + ".backgroundColor", css);
    }

    private String toggle() {
        return browser.await("the theme toggle shown", d -> browser.find("#theme-toggle").isDisplayed()
                ? browser.find("#theme-toggle").getText() : null);
    }
}
