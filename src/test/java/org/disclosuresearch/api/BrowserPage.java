package org.disclosuresearch.api;

import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * What every browser test class stands on: a backend on its test index, the API server on a random port, and headless
 * Chromium (started on first use, so that a class's HTTP-only tests run without a browser), with the waits and
 * screenshots the tests share. A test class registers one ({@code @RegisterExtension static final BrowserPage page =
 * new BrowserPage();}) and serves its index from {@code @BeforeAll}; after each test the page fails it on a console
 * error, and after the class it quits the browser, then closes server and backend.
 */
final class BrowserPage implements AfterEachCallback, AfterAllCallback {

    static final Path SHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private SearchBackend backend;
    private ApiServer server;
    private WebDriver driver;

    /** Serves the index at {@code index}, with source files under {@code docs}. */
    BrowserPage open(Path index, Path docs) throws IOException {
        return serve(LuceneSearchBackend.open(index), docs);
    }

    /** Serves an open backend (closed with the page), with source files under {@code docs}. */
    BrowserPage serve(SearchBackend backend, Path docs) throws IOException {
        Files.createDirectories(SHOTS);
        this.backend = backend;
        this.server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, docs)).start();
        return this;
    }

    /** The page's address, ending in "/". */
    String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    int port() {
        return server.port();
    }

    /** The browser, started on the first call (a missing browser skips the test, or fails it in CI). */
    WebDriver driver() {
        if (driver == null) {
            HeadlessChromium.requireBrowser();
            driver = HeadlessChromium.start();
        }
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver(), PATIENCE);
    }

    WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitFor(String css) {
        return waitFor(By.cssSelector(css));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, to be looked at as a user would. */
    void shot(String name) throws IOException {
        Files.copy(((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE).toPath(),
                SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The test left no script error or blocked resource in the console. */
    @Override
    public void afterEach(ExtensionContext context) {
        HeadlessChromium.assertNoConsoleErrors(driver);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        HeadlessChromium.quitAndClose(driver, server, backend);
    }
}
