package org.disclosuresearch.api;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agency view, the carry check's link and a ratio filter in real headless Chromium, over the real 平潭 reports
 * (with agencies.csv, see {@link RealAgenciesTest}) and a synthetic agency of four reports: 2019, 2020, 2021 and 2023
 * (2022 missing), new applications 10, 14, 7, 20; 2020 carries 2 over from 2019, which printed 3 (a failed carry
 * check). 公开率: 2019 (4 + 1) / 7, 2020 (10 + 2) / 16 = 75%, 2021 3 / 6 = 50%, 2023 (10 + 4) / 20 = 70%.
 */
class AgencyBrowserTest {
    @TempDir
    static Path tempDir;

    @RegisterExtension
    static final BrowserPage page = new BrowserPage();
    static WebDriver driver;
    static String base;
    static final String KEY = "350128:平潭县市场监督管理局";

    static Report report(int year, long fresh, long carried, long carryover, long granted, long partial) {
        Map<String, Number> f = new LinkedHashMap<>();
        f.put("apps_new_total", fresh);
        f.put("apps_carried_total", carried);
        f.put("apps_total_total", fresh + carried - carryover);
        f.put("apps_granted_total", granted);
        f.put("apps_partial_total", partial);
        f.put("apps_carryover_total", carryover);
        return Report.builder().id("scjg-" + year).file("scjg-" + year + ".txt").agency("平潭县市场监督管理局")
                .year(year).template("2021").region(new Region("福建省", "福州市", "平潭县")).agencyType("市场监管")
                .figures(f).text("平潭县市场监督管理局" + year + "年政府信息公开工作年度报告。").build();
    }

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireBrowser();
        Path index = RealAgenciesTest.indexReal(tempDir);
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.index(List.of(report(2019, 10, 0, 3, 4, 1), report(2020, 14, 2, 0, 10, 2),
                    report(2021, 7, 0, 1, 3, 0), report(2023, 20, 0, 0, 10, 4)));
        }
        page.open(index, tempDir.resolve("docs"));
        driver = page.driver();
        base = page.base();
    }

    private static WebDriverWait waiting() {
        return page.waiting();
    }

    @Test
    void from_a_report_one_click_leads_to_its_agency_with_a_chart_and_the_yearly_change() throws IOException {
        driver.get(base + "?report=scjg-2020");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-title")));
        // the failed carry check names both numbers and links to the 2019 report
        WebElement carry = driver.findElement(By.cssSelector("li[data-check='carry:total']"));
        assertTrue(carry.getText().contains("2") && carry.getText().contains("3") && carry.getText().contains("2019"),
                carry.getText());
        assertEquals("scjg-2019", carry.findElement(By.cssSelector("a.other-report")).getAttribute("data-report"));
        // derived figures apart from the tables: 公开率 (10 + 2) / 16 = 75%, growth 14 / 10 − 1 = 40%
        String derived = driver.findElement(By.cssSelector("section.derived-figures")).getText();
        assertTrue(derived.contains("75%") && derived.contains("40%"), derived);
        page.shot("agency-report-carry");

        driver.findElement(By.id("agency-link")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("agency-title")));
        assertTrue(driver.getCurrentUrl().contains("agency="), driver.getCurrentUrl());
        assertEquals("平潭县市场监督管理局 · 历年报告", driver.findElement(By.id("agency-title")).getText());
        List<WebElement> years = driver.findElements(By.cssSelector(".year-list li"));
        assertEquals(4, years.size());
        assertTrue(driver.findElement(By.cssSelector(".checks.gaps")).getText().contains("2022"));
        WebElement series = driver.findElement(By.cssSelector("section.series[data-figure='apps_new_total']"));
        WebElement chart = series.findElement(By.cssSelector("svg.agency-line"));
        assertEquals(4, chart.findElements(By.cssSelector("circle.dot")).size(), "one dot per report");
        List<WebElement> lines = chart.findElements(By.cssSelector("polyline.line"));
        assertEquals(1, lines.size(), "2019–2021 joined; 2022 breaks the line, 2023 stands alone");
        assertEquals(3, lines.get(0).getAttribute("points").split(" ").length);
        assertTrue(chart.getAttribute("aria-label").contains("2022 年 无报告"), chart.getAttribute("aria-label"));
        List<WebElement> rows = series.findElements(By.cssSelector("tbody tr"));
        assertEquals(5, rows.size(), "2019 to 2023");
        assertTrue(rows.get(1).getText().contains("+4"), rows.get(1).getText()); // 10 → 14
        assertTrue(rows.get(2).getText().contains("−7"), rows.get(2).getText()); // 14 → 7
        assertTrue(rows.get(3).getText().contains("无报告"), rows.get(3).getText());

        // a ratio chosen like a column: its series in percent, its change in percentage points
        new Select(driver.findElement(By.id("agency-add-figure"))).selectByValue("disclosure_rate");
        WebElement rate = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.series[data-figure='disclosure_rate']")));
        String text = rate.getText();
        assertTrue(text.contains("75%") && text.contains("个百分点"), text);
        page.shot("agency-view");
    }

    /** After the missing 2022, the 2023 report links the agency's latest earlier report (2021), not a year before. */
    @Test
    void after_a_missing_year_the_report_links_its_agencys_latest_earlier_report() {
        driver.get(base + "?report=scjg-2023");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-title")));
        WebElement link = driver.findElement(By.cssSelector("a.previous-report"));
        assertEquals("scjg-2021", link.getAttribute("data-report"));
        assertEquals("此前最近一份报告（2021 年）", link.getText());
        assertTrue(driver.findElement(By.cssSelector(".agency-links")).getText().contains("缺少 2022 年"),
                driver.findElement(By.cssSelector(".agency-links")).getText());
        link.click();
        waiting().until(ExpectedConditions.urlContains("report=scjg-2021"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("a.previous-report"),
                "上一年度（2020 年）报告"));
    }

    @Test
    void a_ratio_filters_sorts_and_aggregates_as_sums() throws IOException {
        driver.get(base + "?view=table&cols=disclosure_rate");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "份报告"));
        new Select(driver.findElement(By.id("filter-field"))).selectByValue("disclosure_rate");
        driver.findElement(By.id("filter-min")).sendKeys("75");
        driver.findElement(By.cssSelector("#figure-filter button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("range=disclosure_rate"));
        assertTrue(driver.getCurrentUrl().contains("disclosure_rate%3A0.75.."), driver.getCurrentUrl());
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chips"), "公开率 ≥ 75%"));
        // ≥ 75%: pingtan-12 (1 / 1) and scjg-2020 (12 / 16); the others are below
        waiting().until(d -> d.findElement(By.id("summary")).getText().contains("共 2 份报告"));
        List<String> values = driver.findElements(By.cssSelector("td[data-figure='disclosure_rate']")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, values.size());
        assertTrue(values.contains("100%") && values.contains("75%"), values.toString());
        // both agencies miss a year: the gaps facet says so, and selecting 各年齐全 leaves none
        WebElement gaps = driver.findElement(By.id("facet-gaps"));
        assertTrue(gaps.getText().contains("缺少某年报告"), gaps.getText());
        page.shot("agency-ratio-filter");

        driver.get(base + "?stats=disclosure_rate,year&q=" + java.net.URLEncoder.encode("agency:市场监督管理局",
                java.nio.charset.StandardCharsets.UTF_8));
        WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#aggregate-result .ratio-note")));
        String table = driver.findElement(By.cssSelector("#aggregate-result table")).getText();
        // all four: (5 + 12 + 3 + 14) / (7 + 16 + 6 + 20) = 34 / 49 = 69.4%, not the mean of the ratios (66.6%)
        assertTrue(table.contains("34 / 49") && table.contains("69.4%"), table);
        assertTrue(result.getText().contains("不是各报告比率的平均"), result.getText());
        page.shot("agency-ratio-aggregate");
    }

}
