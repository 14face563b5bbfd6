package org.vigil.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so Selenium Manager never
 * tries to download a browser or driver (the network is closed). A missing browser is a failure that says what to
 * install, never a skipped test: {@code apt-get install chromium chromium-driver} ({@code bin/test} does it).
 */
public final class Chromium implements AutoCloseable {

    /** The browser binary; {@code -Dvigil.chromium=PATH} overrides it. */
    static final Path BROWSER = Path.of(System.getProperty("vigil.chromium", "/usr/bin/chromium"));
    /** The driver binary; {@code -Dvigil.chromedriver=PATH} overrides it. */
    static final Path DRIVER = Path.of(System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver"));

    /** How long a page or a change on it may take under a loaded 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriverService service;
    public final ChromeDriver driver;
    private final String base;

    /** A fresh browser (its own profile directory) whose relative URLs go to {@code base}. */
    public Chromium(String base, int width, int height) throws IOException {
        requireInstalled();
        this.base = base;
        this.profile = Files.createTempDirectory("vigil-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=en-GB");
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver d;
        try {
            d = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
        this.driver = d;
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    /** Fails with what to install when Debian's chromium or chromedriver is missing. */
    static void requireInstalled() {
        for (Path p : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: the browser tests (*BrowserTest) need Debian's "
                        + "headless Chromium; install it with 'apt-get install chromium chromium-driver' (bin/test "
                        + "installs it), or point -Dvigil.chromium / -Dvigil.chromedriver at another build");
            }
        }
    }

    /**
     * Lays pages out as a phone {@code width} CSS pixels wide would (the page's viewport meta honoured), through the
     * DevTools protocol: headless Chromium's window is never narrower than 500 px.
     */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size after {@link #emulatePhone}. */
    public void stopEmulatingPhone() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** Makes the browser prefer a dark ({@code "dark"}) or light colour scheme, or the system's ({@code ""}). */
    public void emulateColourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Opens {@code path} (relative to the web server). */
    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (up to {@link #PATIENCE}) until {@code condition} holds, and returns its value. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).withMessage(what).until(condition);
    }

    /** Saves the visible page as a PNG. */
    public void screenshot(Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a profile left in the temp directory is harmless
        }
    }
}
