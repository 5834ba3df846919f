package org.disclosuresearch.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReaderTest {

    private static final Path PAGE = Path.of("page.html");
    private final HtmlReader reader = new HtmlReader();

    private static String text(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        blocks.stream().filter(b -> b instanceof TextBlock).forEach(b -> out.append(((TextBlock) b).text()));
        return out.toString();
    }

    @Test
    void knownContentContainerWinsOverALongerNavigation() throws Exception {
        String nav = "<li><a href=#>栏目导航链接</a></li>".repeat(80);
        String html = "<html><head><meta charset=utf-8></head><body><ul class=menu-list>" + nav + "</ul>"
                + "<div id=zoom><p>某某区人民政府2021年政府信息公开工作年度报告</p><p>本年新收申请 12 件。</p></div>"
                + "<div class=bottom-links>友情链接 主办单位 网站地图</div></body></html>";
        List<Block> blocks = reader.read(html.getBytes(StandardCharsets.UTF_8), PAGE, new java.util.ArrayList<>());
        assertEquals("某某区人民政府2021年政府信息公开工作年度报告\n本年新收申请 12 件。", text(blocks));
    }

    @Test
    void layoutTablesAreWalkedIntoAndDataTablesBecomeGrids() throws Exception {
        String html = "<html><body><table><tr><td class=left>导航</td><td>"
                + "<p>年度报告正文，第一段。</p>"
                + "<table><tr><th rowspan=2>信息内容</th><th colspan=2>数量</th></tr>"
                + "<tr><td>制发</td><td>废止</td></tr><tr><td>规章</td><td>1</td><td>0</td></tr></table>"
                + "<p>第二段。</p></td></tr></table></body></html>";
        List<Block> blocks = reader.read(html.getBytes(StandardCharsets.UTF_8), PAGE, new java.util.ArrayList<>());
        TableBlock table = (TableBlock) blocks.stream().filter(b -> b instanceof TableBlock).findFirst().orElseThrow();
        assertEquals(List.of(List.of("信息内容", "数量", ""), List.of("", "制发", "废止"), List.of("规章", "1", "0")),
                table.rows());
        int at = blocks.indexOf(table);
        assertTrue(((TextBlock) blocks.get(at - 1)).text().endsWith("年度报告正文，第一段。"));
        assertEquals("第二段。", ((TextBlock) blocks.get(at + 1)).text());
    }

    @Test
    void gbkPageWithoutDeclarationIsDetected() throws Exception {
        String html = "<html><body><div class=article><p>某某市财政局2021年政府信息公开工作年度报告。"
                + "本机关不掌握相关政府信息的申请共计三件，均已依法告知申请人。</p></div></body></html>";
        List<Block> blocks = reader.read(html.getBytes(Charset.forName("GBK")), PAGE, new java.util.ArrayList<>());
        assertTrue(text(blocks).contains("本机关不掌握相关政府信息"), text(blocks));
    }

    @Test
    void hugeSpansAreCapped() throws Exception {
        String html = "<table><tr><td colspan=100000 rowspan=100000>x</td><td>1</td></tr><tr><td>2</td></tr></table>";
        TableBlock table = (TableBlock) reader.read(html.getBytes(StandardCharsets.UTF_8), PAGE, new java.util.ArrayList<>()).get(0);
        assertTrue(table.rows().get(0).size() <= GridBuilder.MAX_COLUMNS);
        assertFalse(table.rows().isEmpty());
    }
}
