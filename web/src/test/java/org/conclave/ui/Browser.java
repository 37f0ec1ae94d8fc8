package org.conclave.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.conclave.testing.DemoUser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless chromium driven through Debian's chromedriver (never Selenium Manager,
 * which would try to download a browser), with a fresh profile, its own download folder and a language. Signs in
 * through the real Keycloak login page, typing the one-time password an authenticator app would show.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The video platform of the test stack: it does not exist; the browser is only sent there. */
    static final String PLATFORM = "https://meet.conclave.test";

    private final ChromeDriver driver;
    private final URI portal;
    private final Path downloads;
    private final Path screenshots;
    private final Path profile;

    private Browser(ChromeDriver driver, URI portal, Path downloads, Path screenshots, Path profile) {
        this.driver = driver;
        this.portal = portal;
        this.downloads = downloads;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    static Browser open(URI portal, Path target, String name, String language) {
        assertTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": install the Debian packages 'chromium' and 'chromium-driver'"
                        + " (./conclave test does so when run as root)");
        try {
            Path profile = Files.createTempDirectory(target, "chromium-" + name + "-");
            Path downloads = Files.createDirectories(target.resolve("downloads").resolve(name));
            try (var old = Files.list(downloads)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Path screenshots = Files.createDirectories(target.resolve("screenshots"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile,
                    "--window-size=1366,900",
                    "--lang=" + language,
                    // The fake platform host resolves to a closed local port: the navigation fails at once.
                    "--host-resolver-rules=MAP meet.conclave.test 127.0.0.1:9");
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "intl.accept_languages",
                            language,
                            "download.default_directory",
                            downloads.toString(),
                            "download.prompt_for_download",
                            false,
                            "safebrowsing.enabled",
                            false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand(
                    "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            return new Browser(driver, portal, downloads, screenshots, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    /** Opens a portal path (e.g. {@code /app/host/meetings.xhtml}). */
    Browser go(String path) {
        driver.get(portal.resolve(path).toString());
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    WebElement find(By by) {
        return patiently().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** A wait that keeps asking while a page is being replaced (Chromium then answers with errors of several kinds). */
    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        WebElement element = patiently().until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Clicks something that loads a page (a form's button, a link) and waits until the new page is there. */
    void submit(By by) {
        submit(patiently().until(ExpectedConditions.elementToBeClickable(by)));
    }

    void submit(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebElement page = driver.findElement(By.tagName("html"));
        js.executeScript("window.conclaveLeaving = true; arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        waitFor(b -> left(js, page), Duration.ofSeconds(20), "the next page after the click");
    }

    /**
     * Whether the page marked before a click has been replaced: its root is reported stale, or a loaded document
     * without the mark answers. Chromium may answer a question about a node of a replaced document with an "unknown
     * error" instead of a stale element, and a script run while the page is replaced with an error: neither fails.
     */
    private static boolean left(JavascriptExecutor js, WebElement oldRoot) {
        try {
            oldRoot.isEnabled();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException unknownNode) {
            // Chromium's "node does not belong to the document": ask the document itself
        }
        try {
            return Boolean.TRUE.equals(
                    js.executeScript("return window.conclaveLeaving !== true && document.readyState !== 'loading';"));
        } catch (org.openqa.selenium.WebDriverException navigating) {
            return false;
        }
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as a date or time picker would (their typing format depends on the browser's locale). */
    void setValue(By by, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(by), value);
    }

    /** An attribute of the first element matching a CSS selector, read in one go (pages that reload themselves). */
    String attribute(String css, String name) {
        try {
            Object value = ((JavascriptExecutor) driver)
                    .executeScript(
                            "var e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                            css,
                            name);
            return value == null ? null : value.toString();
        } catch (org.openqa.selenium.WebDriverException navigating) {
            return null;
        }
    }

    void waitFor(java.util.function.Predicate<Browser> condition, Duration timeout, String what) {
        Instant until = Instant.now().plus(timeout);
        while (!holds(condition)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what + "; at " + url() + "\n" + text());
            }
            sleep(200);
        }
    }

    private boolean holds(java.util.function.Predicate<Browser> condition) {
        try {
            return condition.test(this);
        } catch (org.openqa.selenium.WebDriverException replacedOrNotYetThere) {
            // a stale element, one not there yet, or Chromium's "node does not belong to the document" mid-navigation
            return false;
        }
    }

    /**
     * Signs in on the Keycloak login page the browser is on: username and password, then the one-time password
     * of the current 30-second window (the next one if this user already used the current one).
     */
    void signIn(DemoUser user) {
        find(By.id("username"));
        assertTrue(url().contains("/realms/conclave/"), "not on the Keycloak login page: " + url());
        type(By.id("username"), user.username());
        type(By.id("password"), user.password());
        click(By.id("kc-login"));
        for (int attempt = 0; attempt < 3 && !url().startsWith(portal.toString()); attempt++) {
            find(By.id("otp"));
            type(By.id("otp"), user.freshTotp());
            click(By.id("kc-login"));
            sleep(300);
        }
        waitFor(b -> b.url().startsWith(portal.toString()), Duration.ofSeconds(20), user.username() + " signed in");
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not only the window (headless Chromium resizes to the page's height). */
    Path fullScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        long height = (Long)
                ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height, 300), 4000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Console messages the page logged: Content-Security-Policy violations show up here. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a profile left in target/ is harmless
            }
        }
    }
}
