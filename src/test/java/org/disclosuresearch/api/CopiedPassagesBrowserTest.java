package org.disclosuresearch.api;

import org.disclosuresearch.copies.CopySeries;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report view of a report copied from another county's ({@link CopySeries}: c-2022 holds four of d-2022's five
 * sentences): its shares, its copied sentences marked, each with a link that opens the report it also appears in;
 * markup inside a copied sentence stays text. The 重复率 facet selects it.
 */
class CopiedPassagesBrowserTest {

    @TempDir
    static Path tempDir;

    @RegisterExtension
    static final BrowserPage page = new BrowserPage();
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireBrowser();
        Path docs = CopySeries.write(tempDir.resolve("docs"));
        // two 2023 reports sharing a sentence that holds markup: it must reach the page as text
        String hostile = "本局在网站首页设置了<b>政府信息公开</b>专栏并及时更新各类公开信息。";
        CopySeries.write(docs, CopySeries.report("h1-2023", "乐清市交通运输局", CopySeries.YUEQING, 2023, hostile));
        CopySeries.write(docs, CopySeries.report("h2-2023", "乐清市文化和广电旅游体育局", CopySeries.YUEQING, 2023, hostile));
        try (Indexer indexer = new Indexer(tempDir.resolve("index"), IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        page.open(tempDir.resolve("index"), docs);
        driver = page.driver();
        base = page.base();
    }

    private static WebElement waitFor(String css) {
        return page.waitFor(css);
    }

    @Test
    void aCopiedReportMarksItsCopiedSentencesWithALinkToTheReportTheyAlsoAppearIn() throws IOException {
        driver.get(base + "?report=c-2022");
        WebElement section = waitFor("#copies");
        assertTrue(section.findElement(By.tagName("h3")).getText().contains("重复率 80%"),
                section.findElement(By.tagName("h3")).getText());
        assertTrue(section.getText().contains("与同年其他机构的报告相同 80%"), section.getText());
        List<WebElement> marks = section.findElements(By.cssSelector("li.passage mark.copied"));
        assertEquals(4, marks.size());
        assertTrue(marks.get(1).getText().startsWith("全面公开永嘉县本级政府预算决算"), marks.get(1).getText());
        WebElement link = section.findElements(By.cssSelector("li.passage a.copy-link")).get(1);
        assertEquals("乐清市财政局 2022年", link.getText());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", section);
        page.shot("15b-copied-passages");

        link.click();
        page.waiting().until(ExpectedConditions.textToBe(By.id("report-title"),
                "乐清市财政局"));
        WebElement back = waitFor("#copies");
        assertTrue(back.getText().contains("永嘉县财政局 2022年"), back.getText());
    }

    @Test
    void markupInACopiedSentenceIsShownAsText() throws IOException {
        driver.get(base + "?report=h1-2023");
        WebElement mark = waitFor("#copies li.passage mark.copied");
        assertTrue(mark.getText().contains("<b>政府信息公开</b>"), mark.getText());
        assertEquals(0, mark.findElements(By.tagName("b")).size());
    }

    @Test
    void theCopyBandFacetSelectsTheCopiedReports() throws IOException {
        driver.get(base + "?copies=80-100");
        waitFor("#facet-copies");
        page.waiting().until(d -> !d.findElements(By.cssSelector("[data-report]")).isEmpty());
        List<String> ids = driver.findElements(By.cssSelector("a[data-report]")).stream()
                .map(e -> e.getAttribute("data-report")).sorted().toList();
        // a-2022 repeats all of last year's sentences (100%), c-2022 and d-2022 share 4 of 5 (80%: the band's lower
        // bound), h1/h2-2023 hold one sentence each, shared with the other (100%)
        assertEquals(List.of("a-2022", "c-2022", "d-2022", "h1-2023", "h2-2023"), ids);
        assertTrue(driver.findElement(By.id("facet-copies")).getText().contains("80–100%"));
        page.shot("15b-copy-band-facet");
    }
}
