package org.disclosuresearch.api;

import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page in real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) against
 * a real server over the sample corpus. Screenshots go to target/screenshots/.
 */
class SearchPageBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tempDir;

    static SearchBackend backend;
    static ApiServer server;
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireBrowser();
        backend = SampleCorpus.open(tempDir);
        server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, SampleCorpus.DOCS)).start();
        base = "http://127.0.0.1:" + server.port() + "/";
        driver = HeadlessChromium.start();
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void noConsoleErrors() {
        HeadlessChromium.assertNoConsoleErrors(driver);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void journalistSearchesFiltersOpensAReportAndReloads() throws IOException {
        driver.get(base);
        WebElement box = waitFor(By.id("q"));
        box.sendKeys("依申请公开", Keys.ENTER);
        waitForSummary("共 5 份报告");
        List<WebElement> hits = driver.findElements(By.cssSelector("#hits li.hit"));
        assertEquals(5, hits.size());
        for (WebElement hit : hits) {
            List<WebElement> marks = hit.findElements(By.cssSelector(".snippet mark"));
            assertFalse(marks.isEmpty(), "no highlighted snippet in: " + hit.getText());
            for (WebElement mark : marks) {
                // the words of the query (依 申请 公开), alone or adjacent
                assertTrue(mark.getText().codePoints().allMatch(c -> "依申请公开".indexOf(c) >= 0),
                        "marked text not from the query: " + mark.getText());
            }
        }
        assertTrue(driver.getCurrentUrl().contains("q="), driver.getCurrentUrl());
        shot("1-search");

        // a facet narrows the results; the other dimensions' counts follow, the selected one keeps its siblings
        String yearBefore = facetCount("year", "2021");
        facet("agencyType", "医疗保障").click();
        waitForSummary("共 4 份报告");
        assertNotEquals(yearBefore, facetCount("year", "2021"));
        assertEquals("4", facetCount("year", "2021"));
        assertEquals("1", facetCount("agencyType", "卫生健康"));
        shot("2-facet");
        facet("agencyType", "卫生健康").click();
        waitForSummary("共 5 份报告");

        // a figure filter picked by its Chinese label, shown as a removable chip
        driver.findElement(By.id("filter-find")).sendKeys("行政处罚");
        assertEquals("penalties", new Select(driver.findElement(By.id("filter-field"))).getFirstSelectedOption()
                .getAttribute("value"));
        driver.findElement(By.id("filter-min")).sendKeys("1000");
        driver.findElement(By.cssSelector("#figure-filter button[type=submit]")).click();
        waitForSummary("共 1 份报告");
        String chips = driver.findElement(By.id("chips")).getText();
        assertTrue(chips.contains("行政处罚") && chips.contains("≥ 1000"), chips);
        WebElement only = driver.findElement(By.cssSelector("#hits li.hit h3 a"));
        String agency = only.getText();
        String searchUrl = driver.getCurrentUrl();
        shot("3-figure-filter");

        // the report view: the three tables as the template lays them out, and the text with the term marked
        only.click();
        WebElement title = waitFor(By.id("report-title"));
        assertEquals(agency, title.getText());
        List<WebElement> blocks = driver.findElements(By.cssSelector(".table-block"));
        assertEquals(3, blocks.size());
        assertTrue(blocks.get(0).getText().contains("二、主动公开政府信息情况"));
        assertTrue(blocks.get(1).getText().contains("三、收到和处理政府信息公开申请情况"));
        assertTrue(blocks.get(2).getText().contains("四、政府信息公开行政复议、行政诉讼情况"));
        String penalties = driver.findElement(By.cssSelector("td[data-figure=penalties]")).getText();
        assertTrue(Double.parseDouble(penalties.replace(",", "")) >= 1000, penalties);
        assertFalse(driver.findElements(By.cssSelector(".report-text mark")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("a.download")).isEmpty());
        assertTrue(driver.getCurrentUrl().contains("report="), driver.getCurrentUrl());
        fullShot("4-report");
        elementShot(blocks.get(1), "4b-report-table3");
        elementShot(driver.findElement(By.cssSelector(".text-block")), "4c-report-text");

        // reload keeps the report; its back button and the browser's Back/Forward move between it and the results;
        // reload there keeps every filter
        driver.navigate().refresh();
        assertEquals(agency, waitFor(By.id("report-title")).getText());
        driver.findElement(By.id("back-to-results")).click();
        waitForSummary("共 1 份报告");
        assertEquals(searchUrl, driver.getCurrentUrl());
        driver.navigate().forward();
        assertEquals(agency, waitFor(By.id("report-title")).getText());
        driver.navigate().back();
        waitForSummary("共 1 份报告");
        driver.navigate().refresh();
        waitForSummary("共 1 份报告");
        assertEquals("依申请公开", driver.findElement(By.id("q")).getAttribute("value"));
        assertTrue(facet("agencyType", "医疗保障").isSelected());
        assertTrue(facet("agencyType", "卫生健康").isSelected());
        assertTrue(driver.findElement(By.id("chips")).getText().contains("≥ 1000"));
        assertEquals(agency, driver.findElement(By.cssSelector("#hits li.hit h3 a")).getText());
        shot("5-reloaded");
    }

    @Test
    void aggregatesAndPhoneWidth() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 1400));
        try {
            driver.get(base + "?stats=apps_new_total,province");
            WebElement table = waitFor(By.cssSelector("#aggregate-result table"));
            assertTrue(table.getText().contains("浙江省"), table.getText());
            assertEquals(2, driver.findElements(By.cssSelector("#aggregate-result .bars .bar")).size());
            assertTrue(driver.findElement(By.cssSelector("#aggregate-result .bar")).getSize().getWidth() > 50);
            Number scroll = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + e.getBoundingClientRect().right)"
                    + ".slice(0, 5).join(' ');");
            assertTrue(scroll.intValue() <= 0, "the page scrolls sideways at phone width by " + scroll + "px: " + wide);
            shot("6-phone");
            elementShot(driver.findElement(By.id("aggregates")), "6b-phone-aggregates");
            driver.findElement(By.cssSelector("#hits li.hit h3 a")).click();
            waitFor(By.id("report-title"));
            shot("6c-phone-report");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    @Test
    void aBadQueryShowsTheErrorAndLetsTheUserRemoveIt() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"依申请公开") + "&agencyType=" + HttpJson.enc("医疗保障"));
        WebElement error = waitFor(By.cssSelector("#status .error"));
        assertTrue(error.getText().contains("查询写法有误"), error.getText());
        assertTrue(driver.findElements(By.cssSelector("#hits li.hit")).isEmpty());
        shot("7-error");
        driver.findElement(By.cssSelector("#chips button[aria-label^='移除条件 检索']")).click();
        waitForSummary("共 4 份报告");
    }

    @Test
    void keyboardFacetsSortAndTheExportLinkFollowTheState() {
        driver.get(base);
        waitForSummary("共 5 份报告");
        // a facet toggled from the keyboard keeps the focus after the page re-renders
        facet("province", "浙江省").sendKeys(Keys.SPACE);
        waitForSummary("共 3 份报告");
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("province", focused.getAttribute("data-dim"));
        assertEquals("浙江省", focused.getAttribute("data-value"));
        // sort by a figure, largest first: the figure becomes a column of the results
        new Select(driver.findElement(By.id("sort-field"))).selectByValue("penalties");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("sort=penalties"));
        waitForSummary("共 3 份报告");
        List<Double> values = driver.findElements(By.cssSelector("#hits li.hit")).stream()
                .map(hit -> hit.findElements(By.cssSelector(".figures div")).stream()
                        .filter(d -> d.findElement(By.tagName("dt")).getText().startsWith("行政处罚"))
                        .findFirst().orElseThrow().findElement(By.tagName("dd")).getText().replace(",", ""))
                .map(Double::parseDouble).toList();
        assertEquals(3, values.size());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), "not sorted largest first: " + values);
        }
        String export = driver.findElement(By.id("export-chosen")).getAttribute("href");
        assertTrue(export.contains("/api/export.csv?") && export.contains("province=") && export.contains("sort=penalties")
                && export.contains("columns=penalties"), export);
    }

    @Test
    void noMatchSaysSoAndSuggestsWhatToDo() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"朋友圈点赞抽奖\""));
        waitForSummary("共 0 份报告");
        String empty = driver.findElement(By.cssSelector("#hits li.empty")).getText();
        assertTrue(empty.contains("没有找到"), empty);
        shot("8-empty");
    }

    /**
     * The report view shows the engine's marks: seed 000 breaks 依申请公开 over a blank line (marked where it
     * stood, though typed with a space), and a phrase typed with a full-width comma matches the normalized ','.
     */
    @Test
    void theReportViewMarksWhatTheEngineMatched() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"依申 请公开\" \"情况发生，没有\"") + "&report=000_c6adf1d2ada892b8");
        waitFor(By.id("report-title"));
        List<String> marks = driver.findElements(By.cssSelector(".report-text mark")).stream()
                .map(WebElement::getText).toList();
        assertTrue(marks.contains("依申请公开"), marks.toString());
        assertTrue(marks.contains("情况发生,没有"), marks.toString());
        Object splitPhraseMarked = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('.report-text mark')].some(m => m.textContent === '依申请公开'"
                        + " && m.previousSibling && m.previousSibling.textContent.endsWith('回应关切、'))");
        assertEquals(Boolean.TRUE, splitPhraseMarked);
        // only text and <mark> reach the page
        assertTrue(driver.findElements(By.cssSelector(".report-text *:not(mark)")).isEmpty());
        elementShot(driver.findElement(By.cssSelector(".text-block")), "9-report-engine-marks");
    }

    @Test
    void anUnquotedChineseQueryOffersTheExactPhrase() {
        driver.get(base + "?q=" + HttpJson.enc("本机关不掌握"));
        waitForSummary("共 ");
        driver.findElement(By.cssSelector("#phrase-hint a")).click();
        waitForSummary("共 ");
        assertEquals("\"本机关不掌握\"", driver.findElement(By.id("q")).getAttribute("value"));
        List<WebElement> marks = driver.findElements(By.cssSelector(".snippet mark"));
        assertFalse(marks.isEmpty());
        for (WebElement mark : marks) {
            assertEquals("本机关不掌握", mark.getText());
        }
    }

    private static WebElement facet(String dim, String value) {
        return driver.findElement(By.cssSelector("#facets input[data-dim='" + dim + "'][data-value='" + value + "']"));
    }

    private static String facetCount(String dim, String value) {
        return facet(dim, value).findElement(By.xpath("./ancestor::label")).findElement(By.cssSelector(".count"))
                .getText();
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void waitForSummary(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String summary = d.findElement(By.id("summary")).getText();
            return summary.startsWith(text) && d.findElement(By.id("results")).getAttribute("aria-busy") == null;
        });
    }

    /** The whole page: the window grows to the document's height for the picture. */
    private static void fullShot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(12000, height.intValue() + 150)));
        try {
            shot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static void elementShot(WebElement element, String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(12000, height.intValue() + 150)));
        try {
            Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static void shot(String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
