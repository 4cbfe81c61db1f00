package io.roster.web.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through the system's chromedriver (never a downloaded one: the driver's path
 * is given, so Selenium Manager is not consulted), with helpers for elements inside shadow roots.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 900);

    final ChromeDriver driver;
    private final Path screenshots;

    Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(
                    "the UI tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver;"
                            + " .ci/run installs them)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            Path profile = Files.createTempDirectory(
                    Files.createDirectories(Path.of("target", "chromium").toAbsolutePath()), "profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--lang=en-US",
                    "--force-device-scale-factor=1",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(DESKTOP);
        String dir = System.getProperty("roster.ui.screenshots");
        screenshots = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath();
    }

    /** Waits (up to 15 s) until the function answers something other than null or false. */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            // what the page showed, to see why: target/ui-failures/<time>.png
            try {
                Path dir = Files.createDirectories(Path.of("target", "ui-failures"));
                Files.write(dir.resolve(System.currentTimeMillis() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the timeout is the failure to report
            }
            throw e;
        }
    }

    /** The shadow root of the first element with this tag (waiting for it to appear). */
    SearchContext shadow(String hostCss) {
        return until(d -> d.findElement(By.cssSelector(hostCss)).getShadowRoot());
    }

    WebElement in(String hostCss, String css) {
        return until(d -> d.findElement(By.cssSelector(hostCss)).getShadowRoot().findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String hostCss, String css) {
        return driver.findElement(By.cssSelector(hostCss)).getShadowRoot().findElements(By.cssSelector(css));
    }

    /** The text of an element's shadow root, as a person reads it. */
    String text(String hostCss) {
        Object text = js(
                "const el = document.querySelector(arguments[0]);"
                        + " return el && el.shadowRoot ? el.shadowRoot.textContent : null;",
                hostCss);
        return text == null ? "" : text.toString();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the window when -Droster.ui.screenshots=<dir> is set. */
    void screenshot(String name) {
        if (screenshots == null) {
            return;
        }
        try {
            Files.createDirectories(screenshots);
            // let fonts, styles and transitions settle
            Thread.sleep(300);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
