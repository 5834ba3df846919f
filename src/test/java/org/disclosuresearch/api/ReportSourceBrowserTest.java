package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.disclosuresearch.api.HttpJson.enc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a report came from and what it says, as the report view shows it: the original's URL and file, and the
 * text as untrusted data (markup in a report reaches the page as text, never as elements or script).
 */
class ReportSourceBrowserTest {
    private static final String MARKER = "恶意标记测试";
    private static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\">" + MARKER
            + "<script>window.__xss=2</script>&amp;";

    private static final String ORIGINAL_URL = "https://www.yueqing.gov.cn/art/2022/1/14/art_1229.html";

    @TempDir
    static Path tempDir;

    @RegisterExtension
    static final BrowserPage page = new BrowserPage();
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path docs = Files.createDirectories(tempDir.resolve("docs"));
        String name = "004_0a91ce1974c0f436.txt";
        String text = Files.readString(SampleCorpus.DOCS.resolve(name), StandardCharsets.UTF_8);
        Files.writeString(docs.resolve(name), text + "\n附：" + PAYLOAD + "\n", StandardCharsets.UTF_8);
        Files.writeString(docs.resolve(name + ".json"),
                "{\"url\": \"javascript:window.__xss=3\", \"fetched\": \"2022-01-20\"}", StandardCharsets.UTF_8);
        String cited = "000_c6adf1d2ada892b8.txt";
        Files.copy(SampleCorpus.DOCS.resolve(cited), docs.resolve(cited));
        Files.writeString(docs.resolve(cited + ".json"), "{\"url\": \"" + ORIGINAL_URL
                + "\", \"fetched\": \"2022-01-20\"}", StandardCharsets.UTF_8);
        Path index = tempDir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        page.open(index, docs);
        base = page.base();
    }

    private static void browser() {
        driver = page.driver();
    }

    @Test
    void snippetsEscapeTheReportsMarkup() throws Exception {
        JsonNode body = new HttpJson(page.port()).get("/api/search?q=" + enc("\"" + MARKER + "\"")).json();
        assertEquals(1, body.get("total").asInt());
        String snippets = body.get("hits").get(0).get("snippets").toString();
        assertTrue(snippets.contains("&lt;img"), snippets);
        assertFalse(snippets.contains("<img") || snippets.contains("<script"), snippets);
    }

    @Test
    void theReportViewLinksTheOriginalUrlAndOffersTheFile() throws Exception {
        browser();
        driver.get(base + "?report=000_c6adf1d2ada892b8");
        WebDriverWait wait = page.waiting();
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.original-url")));
        assertEquals(ORIGINAL_URL, link.getAttribute("href"));
        assertTrue(link.getAttribute("rel").contains("noopener"));
        assertTrue(driver.findElement(By.cssSelector(".report-head")).getText().contains("2022-01-20"));
        String download = driver.findElement(By.cssSelector("a.download")).getAttribute("href");
        assertTrue(download.endsWith("/api/reports/000_c6adf1d2ada892b8/original"), download);
        HttpJson.Response file = new HttpJson(page.port()).get(URI.create(download).getPath());
        assertEquals(200, file.status());
        assertArrayEquals(Files.readAllBytes(SampleCorpus.DOCS.resolve("000_c6adf1d2ada892b8.txt")), file.body());
    }

    @Test
    void thePageShowsMarkupAsTextAndRunsNoScript() {
        browser();
        driver.get(base + "?q=" + enc("\"" + MARKER + "\""));
        WebDriverWait wait = page.waiting();
        String snippet = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".snippet")))
                .getText();
        assertTrue(snippet.contains("<img src=x"), snippet);
        assertTrue(driver.findElements(By.cssSelector("#hits img, #hits script")).isEmpty());
        driver.findElement(By.cssSelector("#hits li.hit h3 a")).click();
        String text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report-text")))
                .getText();
        assertTrue(text.contains("<script>window.__xss=2</script>"), "the markup should show as text");
        assertTrue(driver.findElements(By.cssSelector("#report-view img, #report-view script")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("a[href^='javascript']")).isEmpty());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss;"));
    }
}
