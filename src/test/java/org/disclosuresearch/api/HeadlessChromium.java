package org.disclosuresearch.api;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium and chromium-driver, driven headless. Nothing is downloaded: the system driver is named, so that
 * Selenium Manager never runs. Missing browser: a failure in CI (CI=true or -Dbrowser.required=true), else a skip.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Fails or skips (JUnit assumption) the calling test class when the browser is missing. */
    static void requireBrowser() {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("browser.required");
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && required) {
            fail("browser test required (CI=true or -Dbrowser.required=true) but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, "skipping the browser test: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                + "(apt-get install -y chromium chromium-driver; set CI=true to make this a failure)");
    }

    static WebDriver start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=zh-CN");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
    }
}
