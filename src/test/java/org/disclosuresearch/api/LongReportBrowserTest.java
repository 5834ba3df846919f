package org.disclosuresearch.api;

import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.disclosuresearch.api.HttpJson.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report longer than one text window (200,000 characters) renders in the page: the first window with its marks,
 * and the next one on request. Screenshot: target/screenshots/long-report.png.
 */
class LongReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aReportLongerThanOneWindowIsShownWindowByWindow() throws Exception {
        HeadlessChromium.requireBrowser();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        String report = Files.readString(SampleCorpus.DOCS.resolve("000_c6adf1d2ada892b8.txt"), StandardCharsets.UTF_8);
        String filler = "本机关依申请公开政府信息，朋友圈转发若干，相关情况说明如下。"; // 29 characters
        Files.writeString(docs.resolve("long.txt"), report + "\n" + filler.repeat(7_000) + "\n全文完。",
                StandardCharsets.UTF_8);
        int matches = 7_000 + report.split("朋友圈", -1).length - 1;
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(1, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
        }
        long started = System.nanoTime(); // the phases are printed: on a busy 2-core machine the browser alone takes 15 s
        WebDriver driver = null;
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index);
             ApiServer server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, docs)).start()) {
            System.out.printf("indexed: %.1f s%n", (System.nanoTime() - started) / 1e9);
            driver = HeadlessChromium.start();
            System.out.printf("browser up: %.1f s%n", (System.nanoTime() - started) / 1e9);
            driver.get("http://127.0.0.1:" + server.port() + "/?q=" + enc("朋友圈") + "&report=long");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report-text mark")));
            System.out.printf("first window shown: %.1f s%n", (System.nanoTime() - started) / 1e9);
            String pager = driver.findElement(By.cssSelector(".text-pager")).getText();
            assertTrue(pager.contains("此处显示第 1–200,000 字"), pager);
            // (getText of the 200,000 characters themselves would take WebDriver tens of seconds: read through the DOM)
            String hint = driver.findElement(By.cssSelector(".text-block .hint")).getText();
            assertTrue(hint.contains("匹配 " + matches + " 处"), hint);
            // the stepper counts the marks of this window, and says so
            String counter = driver.findElement(By.cssSelector(".mark-counter")).getText();
            assertTrue(counter.matches("本段共 [\\d]+ 处"), counter);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(driver.findElement(By.cssSelector(".text-block")).getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("long-report.png"), StandardCopyOption.REPLACE_EXISTING);

            driver.findElement(By.xpath("//p[contains(@class,'text-pager')]/button[text()='下一段']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".text-pager"),
                    "此处显示第 200,001"));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript(
                    "return document.querySelector('.report-text').textContent.endsWith('全文完。')"));
            assertTrue(!driver.findElements(By.cssSelector(".report-text mark")).isEmpty());
            assertTrue(driver.findElement(By.cssSelector(".text-pager")).getText().contains("上一段"));
            HeadlessChromium.assertNoConsoleErrors(driver);
            System.out.printf("long report in the page: %.1f s%n", (System.nanoTime() - started) / 1e9);
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
