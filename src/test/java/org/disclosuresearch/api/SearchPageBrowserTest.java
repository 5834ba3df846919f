package org.disclosuresearch.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The search page in real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) against
 * a real server over the sample corpus. Screenshots go to target/screenshots/.
 */
class SearchPageBrowserTest {
    
    @TempDir
    static Path tempDir;

    @RegisterExtension
    static final BrowserPage page = new BrowserPage();
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireBrowser();
        page.serve(SampleCorpus.open(tempDir), SampleCorpus.DOCS);
        driver = page.driver();
        base = page.base();
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
        page.shot("1-search");

        // a facet narrows the results; the other dimensions' counts follow, the selected one keeps its siblings
        String yearBefore = facetCount("year", "2021");
        facet("agencyType", "医疗保障").click();
        waitForSummary("共 4 份报告");
        assertNotEquals(yearBefore, facetCount("year", "2021"));
        assertEquals("4", facetCount("year", "2021"));
        assertEquals("1", facetCount("agencyType", "卫生健康"));
        page.shot("2-facet");
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
        page.shot("3-figure-filter");

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
        page.shot("5-reloaded");
    }

    /**
     * Report 004 as the template prints it: table 三's rows (一)–(七) under 三、本年度办理结果, failed checks
     * explained with their numbers (the API's sentences) and their cells marked; column heads in one piece; on a
     * phone the row labels stay while the numbers scroll; 上一处 / 下一处 step through the marks.
     */
    @Test
    void theReportViewGroupsTableThreeExplainsChecksAndStepsThroughMatches() throws Exception {
        String id = "004_0a91ce1974c0f436";
        com.fasterxml.jackson.databind.JsonNode api = new HttpJson(page.port()).get("/api/reports/" + id).json();
        driver.get(base + "?q=" + HttpJson.enc("公开") + "&report=" + id);
        waitFor(By.id("report-title"));
        WebElement table3 = driver.findElements(By.cssSelector(".table-block")).get(1);
        WebElement group = table3.findElement(By.cssSelector("th.vertical"));
        assertEquals("三、本年度办理结果", group.getText().replaceAll("\\s", ""));
        int spanned = Integer.parseInt(group.getAttribute("rowspan"));
        assertTrue(spanned >= 20, "三、本年度办理结果 spans " + spanned + " rows");
        List<String> under = table3.findElements(By.cssSelector("tbody th")).stream().map(WebElement::getText)
                .filter(t -> t.matches("（[一二三四五六七]）.*")).toList();
        assertTrue(under.get(0).startsWith("（一）予以公开") && under.get(under.size() - 1).equals("（七）总计"), under.toString());

        // the explanations are the API's, one per failed check, and the cells they name are marked
        List<String> shown = driver.findElements(By.cssSelector(".checks li")).stream().map(WebElement::getText).toList();
        List<String> sentences = new java.util.ArrayList<>();
        api.get("checkExplanations").forEach(e -> sentences.add(e.get("sentence").asText()));
        assertEquals(sentences, shown);
        assertTrue(shown.get(0).matches(".*各类申请人之和 \\d+，总计 \\d+"), shown.get(0));
        for (com.fasterxml.jackson.databind.JsonNode e : api.get("checkExplanations")) {
            for (com.fasterxml.jackson.databind.JsonNode total : e.get("totals")) {
                assertTrue(driver.findElement(By.cssSelector("td[data-figure='" + total.asText() + "']"))
                        .getAttribute("class").contains("failed"), total.asText());
            }
        }
        assertHeadsUnbroken();
        elementShot(table3, "4d-report-table3-grouped");

        // 上一处 / 下一处 with a counter
        List<WebElement> marks = driver.findElements(By.cssSelector(".report-text mark"));
        assertTrue(marks.size() > 2);
        driver.findElement(By.id("next-mark")).click();
        driver.findElement(By.id("next-mark")).click();
        assertEquals("第 2 / " + marks.size() + " 处", driver.findElement(By.cssSelector(".mark-counter")).getText());
        assertEquals(1, driver.findElements(By.cssSelector(".report-text mark.current")).size());
        assertEquals(marks.get(1), driver.findElement(By.cssSelector(".report-text mark.current")));
        driver.findElement(By.id("prev-mark")).click();
        assertEquals("第 1 / " + marks.size() + " 处", driver.findElement(By.cssSelector(".mark-counter")).getText());
        elementShot(driver.findElement(By.cssSelector(".text-block")), "4e-report-mark-stepper");

        driver.manage().window().setSize(new Dimension(390, 1400));
        try {
            driver.navigate().refresh();
            waitFor(By.id("report-title"));
            assertHeadsUnbroken();
            WebElement wrap = driver.findElements(By.cssSelector(".table-block")).get(1)
                    .findElement(By.cssSelector(".grid-wrap"));
            WebElement label = wrap.findElements(By.cssSelector("tbody th")).stream()
                    .filter(th -> th.getText().startsWith("1.属于国家秘密")).findFirst().orElseThrow();
            WebElement number = wrap.findElement(By.cssSelector("td[data-figure=apps_denied_secret_total]"));
            int labelX = label.getRect().getX();
            int numberX = number.getRect().getX();
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollLeft = 400;", wrap);
            assertEquals(labelX, label.getRect().getX(), "the row label stays in view");
            assertTrue(number.getRect().getX() < numberX, "the numbers scroll");
            elementShot(wrap, "6e-phone-table3-scrolled");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** No column head of a template table breaks inside a word: a head without punctuation is on one line. */
    private static void assertHeadsUnbroken() {
        Object broken = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#report-body table.template thead th')].filter(th => {"
                + " const r = document.createRange(); r.selectNodeContents(th);"
                + " const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));"
                + " return tops.size > 1 && !/[\\s、，（）/]/.test(th.textContent); }).map(th => th.textContent);");
        assertEquals(List.of(), broken);
    }

    /** By province a tile map of China (a square per province in its place), by year a line; both fit a phone. */
    @Test
    void aggregatesAreATileMapAndAYearLineReadableOnAPhone() throws IOException {
        driver.get(base + "?stats=apps_new_total,province");
        WebElement table = waitFor(By.cssSelector("#aggregate-result table"));
        assertTrue(table.getText().contains("浙江省"), table.getText());
        List<WebElement> tiles = driver.findElements(By.cssSelector("#aggregate-result .tile-map .tile"));
        assertEquals(34, tiles.size());
        List<WebElement> filled = driver.findElements(By.cssSelector("#aggregate-result .tile.has-data"));
        assertEquals(List.of("山东", "浙江"), filled.stream().map(t -> t.getAttribute("data-province")).sorted().toList());
        // in their places: 山东 north of 浙江, 新疆 west of both
        WebElement shandong = tile("山东");
        WebElement zhejiang = tile("浙江");
        assertTrue(shandong.getLocation().getY() < zhejiang.getLocation().getY());
        assertTrue(tile("新疆").getLocation().getX() < shandong.getLocation().getX());
        // the darker square is the larger sum, and the sums are written on the squares
        long zj = sum("浙江省");
        long sd = sum("山东省");
        assertTrue(zhejiang.getText().contains(String.valueOf(zj)) && shandong.getText().contains(String.valueOf(sd)));
        assertTrue(zhejiang.getAttribute("aria-label") == null);
        assertTrue(driver.findElement(By.cssSelector(".tile-map")).getAttribute("aria-label").contains("浙江省"));
        elementShot(driver.findElement(By.id("aggregates")), "6a-tile-map");

        driver.get(base + "?stats=apps_new_total,year");
        WebElement line = waitFor(By.cssSelector("#aggregate-result svg.year-line"));
        assertEquals(1, line.findElements(By.cssSelector("circle")).size());
        assertTrue(line.getAttribute("aria-label").contains("2021 年"), line.getAttribute("aria-label"));

        driver.manage().window().setSize(new Dimension(390, 1400));
        try {
            driver.get(base + "?stats=apps_new_total,province");
            waitFor(By.cssSelector("#aggregate-result .tile-map"));
            assertNoSidewaysScroll();
            // readable: every square at least 30 px, the names not cut off
            for (WebElement t : driver.findElements(By.cssSelector(".tile-map .tile"))) {
                assertTrue(t.getSize().getWidth() >= 30, t.getAttribute("data-province") + " " + t.getSize());
            }
            page.shot("6-phone");
            elementShot(driver.findElement(By.id("aggregates")), "6b-phone-aggregates");
            driver.get(base + "?stats=apps_new_total,year");
            WebElement phoneLine = waitFor(By.cssSelector("#aggregate-result svg.year-line"));
            assertTrue(phoneLine.getSize().getWidth() > 250 && phoneLine.getSize().getWidth() <= 390);
            elementShot(driver.findElement(By.id("aggregates")), "6d-phone-year-line");
            driver.findElement(By.cssSelector("#hits li.hit h3 a")).click();
            waitFor(By.id("report-title"));
            assertNoSidewaysScroll();
            page.shot("6c-phone-report");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    private static WebElement tile(String province) {
        return driver.findElement(By.cssSelector(".tile-map .tile[data-province='" + province + "']"));
    }

    private static long sum(String province) {
        try {
            com.fasterxml.jackson.databind.JsonNode stats = new HttpJson(page.port()).get("/api/search?stats="
                    + HttpJson.enc("apps_new_total,province")).json().get("stats").get(0);
            for (com.fasterxml.jackson.databind.JsonNode b : stats.get("buckets")) {
                if (b.get("value").asText().equals(province)) {
                    return b.get("summary").get("sum").asLong();
                }
            }
            throw new AssertionError("no bucket " + province + " in " + stats);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoSidewaysScroll() {
        Number scroll = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        Object wide = ((JavascriptExecutor) driver).executeScript(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.closest('.grid-wrap, .table-scroll'))"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + e.getBoundingClientRect().right)"
                + ".slice(0, 5).join(' ');");
        assertTrue(scroll.intValue() <= 0, "the page scrolls sideways at phone width by " + scroll + "px: " + wide);
    }

    /**
     * On a phone the filters are an overlay: the button says how many are set, each change searches at once, and
     * 查看 N 份结果 closes the overlay on the results.
     */
    @Test
    void phoneFiltersOpenAsAnOverlayThatShowsTheCount() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 900));
        try {
            driver.get(base + "?q=" + HttpJson.enc("朋友圈 OR 公开"));
            waitForSummary("共 5 份报告");
            WebElement toggle = driver.findElement(By.id("toggle-filters"));
            assertFalse(driver.findElement(By.id("filters")).isDisplayed());
            assertFalse(driver.findElement(By.id("filter-count")).isDisplayed());
            toggle.click();
            WebElement filters = driver.findElement(By.id("filters"));
            assertTrue(filters.isDisplayed());
            assertEquals("fixed", filters.getCssValue("position"));
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            WebElement apply = driver.findElement(By.id("apply-filters"));
            assertTrue(apply.isDisplayed());
            assertEquals("查看 5 份结果", apply.getText());
            facet("agencyType", "医疗保障").click();
            page.waiting().until(d -> apply.getText().equals("查看 4 份结果"));
            assertTrue(filters.isDisplayed(), "the overlay stays open while filtering");
            page.shot("10-phone-filter-overlay");
            apply.click();
            assertFalse(filters.isDisplayed());
            assertEquals("1", driver.findElement(By.id("filter-count")).getText());
            assertTrue(toggle.getAttribute("aria-label").contains("已设 1 项"), toggle.getAttribute("aria-label"));
            waitForSummary("共 4 份报告");
            page.shot("10b-phone-filtered");
            // Escape closes it too
            toggle.click();
            assertTrue(filters.isDisplayed());
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            assertFalse(filters.isDisplayed());
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** Like Kibana Discover: one row per report, the figures right-aligned; a click on a head sorts; the URL keeps it. */
    @Test
    void theResultsTableSortsByAClickedColumnAndStaysInTheUrl() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("公开"));
        waitForSummary("共 5 份报告");
        driver.findElement(By.id("view-table")).click();
        page.waiting().until(d -> d.getCurrentUrl().contains("view=table"));
        WebElement table = waitFor(By.cssSelector("#hit-table table"));
        assertFalse(driver.findElement(By.id("hits")).isDisplayed());
        assertEquals(5, table.findElements(By.cssSelector("tbody tr")).size());
        assertEquals("true", driver.findElement(By.id("view-table")).getAttribute("aria-pressed"));
        WebElement head = table.findElement(By.cssSelector("thead th"));
        assertEquals("sticky", head.getCssValue("position"));
        WebElement penaltiesCell = table.findElement(By.cssSelector("tbody td[data-figure=penalties]"));
        assertEquals("right", penaltiesCell.getCssValue("text-align"));

        // a click on 行政处罚 sorts by it, largest first; a second click, smallest first
        WebElement sortPenalties = table.findElements(By.cssSelector("thead th button")).stream()
                .filter(b -> b.getText().startsWith("行政处罚")).findFirst().orElseThrow();
        sortPenalties.click();
        page.waiting().until(d -> d.getCurrentUrl().contains("sort=penalties%3Adesc"));
        waitForSummary("共 5 份报告");
        List<Double> desc = column("penalties");
        for (int i = 1; i < desc.size(); i++) {
            assertTrue(desc.get(i - 1) >= desc.get(i), desc.toString());
        }
        assertTrue(desc.get(0) >= 1000, "thousands separators are read back: " + desc);
        assertTrue(driver.findElement(By.cssSelector("#hit-table tbody td[data-figure=penalties]")).getText()
                .contains(","), "1,193 has its separator");
        page.shot("11-results-table");
        driver.findElements(By.cssSelector("#hit-table thead th button")).stream()
                .filter(b -> b.getText().startsWith("行政处罚")).findFirst().orElseThrow().click();
        page.waiting().until(d -> d.getCurrentUrl().contains("sort=penalties%3Aasc"));
        waitForSummary("共 5 份报告");
        List<Double> asc = column("penalties");
        for (int i = 1; i < asc.size(); i++) {
            assertTrue(asc.get(i - 1) <= asc.get(i), asc.toString());
        }
        assertEquals("ascending", driver.findElements(By.cssSelector("#hit-table thead th[aria-sort=ascending]")).get(0)
                .getAttribute("aria-sort"));
        // reload: still the table, still sorted
        driver.navigate().refresh();
        waitFor(By.cssSelector("#hit-table table"));
        assertEquals(asc, column("penalties"));
        driver.manage().window().setSize(new Dimension(390, 1000));
        try {
            assertNoSidewaysScroll();
            page.shot("11b-phone-results-table");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
        driver.findElement(By.id("view-cards")).click();
        page.waiting().until(d -> !d.getCurrentUrl().contains("view=table"));
        page.waiting().until(d -> d.findElement(By.id("hits")).isDisplayed()
                && !d.findElement(By.id("hit-table")).isDisplayed());
    }

    private static List<Double> column(String figure) {
        return driver.findElements(By.cssSelector("#hit-table tbody td[data-figure=" + figure + "]")).stream()
                .map(WebElement::getText).filter(t -> !t.equals("—"))
                .map(t -> Double.parseDouble(t.replace(",", ""))).toList();
    }

    @Test
    void aBadQueryShowsTheErrorAndLetsTheUserRemoveIt() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"依申请公开") + "&agencyType=" + HttpJson.enc("医疗保障"));
        WebElement error = waitFor(By.cssSelector("#status .error"));
        // the server's own message for the mistake (the query language's Chinese errors), not a generic hint
        assertTrue(error.getText().contains("引号没有配对"), error.getText());
        assertTrue(driver.findElements(By.cssSelector("#hits li.hit")).isEmpty());
        page.shot("7-error");
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
        page.waiting().until(d -> d.getCurrentUrl().contains("sort=penalties"));
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
        // the figure pickers group by table and say which template prints a figure
        WebElement made = driver.findElement(By.cssSelector("#filter-field option[value=regulations_made]"));
        assertTrue(made.getText().endsWith("（仅 2019 版）"), made.getText());
        assertTrue(made.findElement(By.xpath("..")).getAttribute("label").startsWith("二、主动公开政府信息情况"));
        WebElement penaltiesOption = driver.findElement(By.cssSelector("#filter-field option[value=penalties]"));
        assertFalse(penaltiesOption.getText().contains("仅"), penaltiesOption.getText());
        String evidence = driver.findElement(By.id("export-evidence")).getAttribute("href");
        assertTrue(evidence.contains("columns=penalties") && evidence.contains("evidence=1"), evidence);
        // the feed follows the filters but not the sort: its entries are the newest reports
        String feed = driver.findElement(By.id("feed-link")).getAttribute("href");
        assertTrue(feed.contains("/api/feed.atom?") && feed.contains("province=") && !feed.contains("sort="), feed);
        assertEquals(feed, driver.findElement(By.id("feed-alternate")).getAttribute("href"));
    }

    @Test
    void noMatchSaysSoAndSuggestsWhatToDo() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"朋友圈点赞抽奖\""));
        waitForSummary("共 0 份报告");
        String empty = driver.findElement(By.cssSelector("#hits li.empty")).getText();
        assertTrue(empty.contains("没有找到"), empty);
        page.shot("8-empty");
    }

    /**
     * The report view shows the engine's marks on the text as printed: seed 000 breaks 依申请公开 over a blank line
     * (marked across it, though typed with a space), and a phrase typed with a full-width comma is marked where the
     * report prints its own full-width comma.
     */
    @Test
    void theReportViewMarksWhatTheEngineMatched() throws IOException {
        driver.get(base + "?q=" + HttpJson.enc("\"依申 请公开\" \"情况发生，没有\"") + "&report=000_c6adf1d2ada892b8");
        waitFor(By.id("report-title"));
        List<String> marks = driver.findElements(By.cssSelector(".report-text mark")).stream()
                .map(WebElement::getText).toList();
        assertTrue(marks.contains("依申请公开"), marks.toString());
        assertTrue(marks.contains("情况发生，没有"), marks.toString());
        Object splitPhraseMarked = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('.report-text mark')].some(m => m.textContent.includes('\\n')"
                        + " && m.textContent.replace(/\\s+/g, '') === '依申请公开'"
                        + " && m.previousSibling && m.previousSibling.textContent.endsWith('回应关切、'))");
        assertEquals(Boolean.TRUE, splitPhraseMarked);
        // only text and <mark> reach the page
        assertTrue(driver.findElements(By.cssSelector(".report-text *:not(mark)")).isEmpty());
        elementShot(driver.findElement(By.cssSelector(".text-block")), "9-report-engine-marks");
    }

    /** 按词匹配 is a switch of the same query, kept in the URL (the query is never rewritten into quotes). */
    @Test
    void theWordMatchIsASwitchInTheUrl() {
        driver.get(base + "?q=" + HttpJson.enc("本机关不掌握"));
        waitForSummary("共 ");
        WebElement words = driver.findElement(By.id("match-words"));
        assertFalse(words.isSelected());
        words.click();
        page.waiting().until(d -> d.getCurrentUrl().contains("match=words"));
        assertEquals("本机关不掌握", driver.findElement(By.id("q")).getAttribute("value"));
        driver.navigate().refresh();
        waitFor(By.id("q"));
        assertTrue(driver.findElement(By.id("match-words")).isSelected());
        assumeTrue(serverKnowsMatchModes(), "the server does not take match=words yet");
        waitForSummary("共 ");
        driver.findElement(By.cssSelector("#phrase-hint a")).click();
        page.waiting().until(d -> !d.getCurrentUrl().contains("match="));
        waitForSummary("共 ");
        assertEquals("本机关不掌握", driver.findElement(By.id("q")).getAttribute("value"));
        List<WebElement> marks = driver.findElements(By.cssSelector(".snippet mark"));
        assertFalse(marks.isEmpty());
        for (WebElement mark : marks) {
            assertEquals("本机关不掌握", mark.getText());
        }
    }

    /**
     * With the query model of the search package (exact by default, match=words, matchCount, wordMatchTotal): each
     * hit says how often it matches, and an exact search that finds nothing says what the word match would find.
     */
    @Test
    void matchCountsAndTheWordMatchHint() throws IOException {
        assumeTrue(serverKnowsMatchModes(), "the server does not take match=words yet");
        driver.get(base + "?q=" + HttpJson.enc("依申请公开"));
        waitForSummary("共 ");
        List<WebElement> counts = driver.findElements(By.cssSelector("#hits li.hit .match-count"));
        assertFalse(counts.isEmpty());
        for (WebElement c : counts) {
            assertTrue(c.getText().matches("命中 [\\d,]+ 处"), c.getText());
        }
        driver.get(base + "?q=" + HttpJson.enc("掌握本机关不"));
        waitForSummary("共 0 份报告");
        String hint = driver.findElement(By.id("phrase-hint")).getText();
        assertTrue(hint.matches("精确匹配无结果；按词匹配可找到 \\d+ 份。.*"), hint);
        page.shot("12-word-match-hint");
        driver.findElement(By.cssSelector("#phrase-hint a")).click();
        page.waiting().until(d -> d.getCurrentUrl().contains("match=words"));
        page.waiting().until(d ->
                !d.findElement(By.id("summary")).getText().startsWith("共 0 "));
    }

    /** A query error is the server's own plain Chinese sentence, not a generic hint nor English. */
    @Test
    void aQueryErrorShowsTheServersChineseSentence() {
        driver.get(base + "?q=" + HttpJson.enc("\"依申请公开"));
        WebElement error = waitFor(By.cssSelector("#status .error"));
        assertFalse(error.getText().matches("(?s).*[A-Za-z]{4,}.*"), "English in: " + error.getText());
        if (serverKnowsMatchModes()) {
            try {
                String expected = new HttpJson(page.port()).get("/api/search?q=" + HttpJson.enc("\"依申请公开"))
                        .json().get("error").asText();
                assertTrue(error.getText().contains(expected), error.getText() + " / " + expected);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A page or report that does not exist says so in Chinese. */
    @Test
    void unknownPagesAndReportsSaySoInChinese() throws IOException {
        driver.get(base + "nothing/here");
        assertEquals("找不到这个页面", waitFor(By.cssSelector("#not-found h2")).getText());
        page.shot("13-404");
        driver.get(base + "?report=" + HttpJson.enc("no_such_report"));
        WebElement error = waitFor(By.cssSelector("#report-body .error"));
        assertTrue(error.getText().startsWith("找不到这份报告：编号“no_such_report”不在索引中"), error.getText());
    }

    private static boolean serverKnowsMatchModes() {
        try {
            return new HttpJson(page.port()).get("/api/search?q=" + HttpJson.enc("公开") + "&match=words")
                    .status() == 200;
        } catch (Exception e) {
            return false;
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
        return page.waitFor(by);
    }

    private static void waitForSummary(String text) {
        page.waiting().until(d -> {
            String summary = d.findElement(By.id("summary")).getText();
            return summary.startsWith(text) && d.findElement(By.id("results")).getAttribute("aria-busy") == null;
        });
    }

    /** The whole page: the window grows to the document's height for the picture. */
    private static void fullShot(String name) throws IOException {
        inTallWindow(() -> page.shot(name));
    }

    private static void elementShot(WebElement element, String name) throws IOException {
        inTallWindow(() -> Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(),
                BrowserPage.SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Shot {
        void take() throws IOException;
    }

    /** Grows the window to the document's height for one picture, then restores it. */
    private static void inTallWindow(Shot shot) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(12000, height.intValue() + 150)));
        try {
            shot.take();
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
