package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real crawled report whose table cells came glued into digit runs (pingtan-06, saved byte for byte from a
 * government portal): the report view marks each figure split from a run or settled by the narrative, and shows its
 * evidence on hover and on keyboard focus; the CSV says how each figure was read.
 */
class ReportEvidenceBrowserTest {
    private static final String ID = "pingtan-06";
    private static final String PRINTED_ID = "printed-1";
    private static final String PRINTED = "一、总体情况\n\n本机关依申\n请公开工作，全年收到申请 2 件。\n\n二、其他\n依申请公开 渠道畅通。\n";

    @TempDir
    static Path tempDir;

    @RegisterExtension
    static final BrowserPage page = new BrowserPage();
    static WebDriver driver;
    static String base;
    static JsonNode report;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireBrowser();
        Path docs = Files.createDirectories(tempDir.resolve("docs"));
        try (InputStream in = ReportEvidenceBrowserTest.class.getResourceAsStream("/evidence/" + ID + ".txt")) {
            Files.copy(in, docs.resolve(ID + ".txt"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Indexer indexer = new Indexer(tempDir.resolve("index"), IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
            // a report that keeps its printed text (the parser will fill it; here it is given)
            indexer.index(List.of(Report.builder().id(PRINTED_ID).file(PRINTED_ID + ".txt").agency("某市某局").year(2021)
                    .agencyType("其他").text(Normalizer.normalize(PRINTED)).printedText(PRINTED).build()));
        }
        page.open(tempDir.resolve("index"), docs);
        base = page.base();
        try {
            report = new HttpJson(page.port()).get("/api/reports/" + ID).json();
        } catch (Exception e) {
            throw new IOException(e);
        }
        driver = page.driver();
    }

    /** Figure ids whose evidence has this method, per the API. */
    private static List<String> figuresReadBy(String method) {
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = report.get("figureEvidence").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().get("method").asText().equals(method)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    @Test
    void splitAndNarrativeFiguresShowTheirEvidenceOnHoverAndOnFocus() throws IOException {
        List<String> split = figuresReadBy("split");
        List<String> narrative = figuresReadBy("narrative");
        assertFalse(split.isEmpty(), "the parser reads pingtan-06 by splitting glued runs");
        assertFalse(narrative.isEmpty(), "and settles some by the narrative");
        driver.get(base + "?report=" + ID);
        page.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("report-title")));
        // every such figure the template shows has a marker; a figure read from its own cell has none
        for (String id : split) {
            List<WebElement> cells = driver.findElements(By.cssSelector("td[data-figure='" + id + "']"));
            if (!cells.isEmpty()) {
                assertEquals("split", cells.get(0).findElement(By.cssSelector("button.evidence"))
                        .getAttribute("data-evidence"), id);
            }
        }
        int markers = driver.findElements(By.cssSelector("td button.evidence")).size();
        assertTrue(markers >= split.size() / 2, markers + " markers for " + split.size() + " split figures");

        // hover: the detail appears, and goes away
        WebElement splitMarker = driver.findElement(By.cssSelector("td[data-figure='" + split.get(0) + "'] .evidence"));
        WebElement tip = driver.findElement(By.id(splitMarker.getAttribute("aria-describedby")));
        assertFalse(tip.isDisplayed());
        new Actions(driver).moveToElement(splitMarker).perform();
        assertTrue(tip.isDisplayed());
        assertTrue(tip.getText().contains(report.get("figureEvidence").get(split.get(0)).get("detail").asText()),
                tip.getText());
        page.shot("14-evidence-hover");
        new Actions(driver).moveToElement(driver.findElement(By.id("report-title"))).perform();
        assertFalse(tip.isDisplayed());

        // keyboard: Tab from one marker reaches the next and shows its tip; the narrative one quotes the sentence
        String first = narrative.get(0);
        WebElement narrativeMarker = driver.findElement(By.cssSelector("td[data-figure='" + first + "'] .evidence"));
        List<WebElement> all = driver.findElements(By.cssSelector("td button.evidence"));
        int at = all.indexOf(narrativeMarker);
        assertTrue(at > 0, "a marker before the narrative one");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus();", all.get(at - 1));
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(narrativeMarker, driver.switchTo().activeElement());
        WebElement narrativeTip = driver.findElement(By.id(narrativeMarker.getAttribute("aria-describedby")));
        assertTrue(narrativeTip.isDisplayed());
        assertTrue(narrativeTip.getText().startsWith("依正文："), narrativeTip.getText());
        assertTrue(narrativeTip.getText().contains(report.get("figureEvidence").get(first).get("quote").asText()));
        page.shot("14b-evidence-focus");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(narrativeTip.isDisplayed());

        driver.manage().window().setSize(new Dimension(390, 1400));
        try {
            driver.navigate().refresh();
            WebElement marker = page.waiting().until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("td[data-figure='" + first + "'] .evidence")));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus();", marker);
            WebElement phoneTip = driver.findElement(By.id(marker.getAttribute("aria-describedby")));
            assertTrue(phoneTip.isDisplayed());
            assertTrue(phoneTip.getRect().getX() >= 0 && phoneTip.getRect().getX() + phoneTip.getRect().getWidth() <= 390,
                    "the tip fits the phone: " + phoneTip.getRect());
            page.shot("14c-phone-evidence");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** The text as printed: its paragraphs and full-width punctuation, the phrase marked across its line break. */
    @Test
    void theTextIsShownAsPrintedWithTheEnginesMarks() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"依申请公开\"") + "&report=" + PRINTED_ID);
        WebElement text = page.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report-text")));
        assertEquals("printed", text.getAttribute("data-form"));
        List<String> marks = text.findElements(By.tagName("mark")).stream()
                .map(m -> m.getAttribute("textContent")).toList();
        assertEquals(List.of("依申\n请公开", "依申请公开"), marks);
        assertEquals(PRINTED, text.getAttribute("textContent"));
        assertTrue(text.getText().contains("工作，全年"), text.getText());
        assertTrue(text.getText().lines().count() >= 5, "paragraphs kept: " + text.getText());
        Files.copy(text.getScreenshotAs(OutputType.FILE).toPath(), BrowserPage.SHOTS.resolve("15-printed-text.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theCsvSaysHowEachFigureWasRead() throws Exception {
        String split = figuresReadBy("split").get(0);
        String narrative = figuresReadBy("narrative").get(0);
        String csv = new HttpJson(page.port()).get("/api/export.csv?evidence=1&header=ids&columns=" + split
                + "&columns=" + narrative).text();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFid,agency,agencyKey,year,published,template,province,city,county,agencyType,failedChecks,format,url,"
                + split + "," + split + "_read," + narrative + "," + narrative + "_read", lines.get(0));
        assertTrue(lines.get(1).endsWith(",拆分连写数字," + report.get("figures").get(narrative).asText() + ",依正文"),
                lines.get(1));
    }

}
