package org.disclosuresearch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each committed fixture read by its reader: format told by content, tables as grids, text in order. */
class FormatReadersTest {

    private final Ingestor ingestor = new Ingestor();

    private SourceDocument read(String name) throws DocumentProblem {
        return ingestor.read(FormatFixtures.file(name), FormatFixtures.dir());
    }

    private static List<TableBlock> tables(SourceDocument doc) {
        return doc.blocks().stream().filter(b -> b instanceof TableBlock).map(b -> (TableBlock) b).toList();
    }

    private static String text(SourceDocument doc) {
        return doc.blocks().stream().filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text())
                .collect(Collectors.joining("\n"));
    }

    /** The row of a grid whose first non-blank cell is the label, without blank cells. */
    private static List<String> row(TableBlock table, String label) {
        return table.rows().stream()
                .map(r -> r.stream().filter(c -> !c.isEmpty()).toList())
                .filter(r -> !r.isEmpty() && r.get(0).equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label + " in " + table.rows()));
    }

    @Test
    void wordFormatsGiveTheThreeTablesAsGridsBetweenTheirSections() throws Exception {
        for (String name : List.of(FormatFixtures.NAME + ".docx", FormatFixtures.NAME + ".doc")) {
            SourceDocument doc = read(name);
            assertEquals(name.substring(name.lastIndexOf('.') + 1), doc.format(), name);
            List<TableBlock> tables = tables(doc);
            assertEquals(3, tables.size(), name);
            assertEquals(List.of("行政规范性文件", "3", "5", "33"), row(tables.get(0), "行政规范性文件"), name);
            assertEquals(List.of("一、本年新收政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"),
                    row(tables.get(1), "一、本年新收政府信息公开申请数量"), name);
            // Merged cells keep the grid rectangular and the columns aligned under their headers.
            TableBlock three = tables.get(1);
            int width = three.rows().get(0).size();
            assertTrue(three.rows().stream().allMatch(r -> r.size() == width), name);
            int totalColumn = three.rows().get(1).indexOf("总计");
            List<String> grantedRow = three.rows().stream().filter(r -> r.contains("（一）予以公开")).findFirst()
                    .orElseThrow();
            assertEquals("1", grantedRow.get(totalColumn), name);
            assertEquals(15, tables.get(2).rows().get(3).size(), name);
            // Reading order: section 二's heading comes before its table, section 五 after the last one.
            List<Block> blocks = doc.blocks();
            int firstTable = blocks.indexOf(tables.get(0));
            assertTrue(((TextBlock) blocks.get(firstTable - 1)).text().endsWith("二、主动公开政府信息情况"), name);
            assertTrue(((TextBlock) blocks.get(blocks.indexOf(tables.get(2)) + 1)).text()
                    .startsWith("五、存在的主要问题及改进情况"), name);
        }
    }

    @Test
    void htmlPageGivesTheReportWithoutTheSiteChrome() throws Exception {
        SourceDocument doc = read(FormatFixtures.NAME + ".html");
        assertEquals("html", doc.format());
        String text = text(doc);
        assertTrue(text.startsWith("威海市医疗保障局2021年政府信息公开工作年度报告"), text.substring(0, 40));
        assertTrue(text.contains("根据《中华人民共和国政府信息公开条例》"), "GBK page decoded");
        assertTrue(text.contains("2022 年 1 月 18 日"));
        for (String chrome : List.of("网站标识码", "登录", "相关链接", "分享到", "当前位置", "走进威海", "_hmt", "阅读次数")) {
            assertFalse(text.contains(chrome), "site chrome leaked: " + chrome);
        }
        List<TableBlock> tables = tables(doc);
        assertEquals(3, tables.size());
        assertEquals(List.of("行政处罚", "2"), row(tables.get(0), "行政处罚"));
        assertEquals(tables(read(FormatFixtures.NAME + ".docx")), tables, "HTML rowspan/colspan = DOCX merges");
    }

    @Test
    void pdfRuledTablesAreReadAsGridsByPosition() throws Exception {
        SourceDocument doc = read(FormatFixtures.NAME + ".pdf");
        assertEquals("pdf", doc.format());
        List<TableBlock> tables = tables(doc);
        List<List<List<String>>> pdfGrids = tables.stream().map(TableBlock::rows).toList();
        List<List<List<String>>> docxGrids = tables(read(FormatFixtures.NAME + ".docx")).stream()
                .map(TableBlock::rows).toList();
        // Wrapped labels are joined back in their cell, and rows cut by a page break are joined again.
        assertEquals(docxGrids, pdfGrids);
        String text = text(doc);
        assertTrue(text.contains("二、主动公开政府信息情况"), text);
        assertTrue(text.contains("五、存在的主要问题及改进情况"), text);
        assertFalse(text.contains("行政规范性文件"), "table text is not repeated as running text");
    }

    @Test
    void gbkAndUtf16TextDecodeToTheSeedText() throws Exception {
        String seed = FormatFixtures.twinText();
        for (String name : List.of(FormatFixtures.NAME + "-gbk.txt", FormatFixtures.NAME + "-utf16.txt")) {
            SourceDocument doc = read(name);
            assertEquals("txt", doc.format());
            assertEquals(seed, text(doc), name);
        }
    }

    @Test
    void gb18030TextWithCharactersOutsideGbkDecodes(@TempDir Path dir) throws Exception {
        // 𠀀 (U+20000) and 〇 exist in GB18030 but not GBK; such files must not be read as mojibake.
        String report = "某某县人民政府办公室2021年政府信息公开工作年度报告\n𠀀村〇号 行政处罚 12 件\n";
        Path file = dir.resolve("gb18030.txt");
        Files.write(file, report.getBytes(Charset.forName("GB18030")));
        assertEquals(report, text(ingestor.read(file, dir)));
    }

    @Test
    void gbkTextCutInTheMiddleOfACharacterIsReadWithAWarning(@TempDir Path dir) throws Exception {
        byte[] gbk = Files.readAllBytes(FormatFixtures.file(FormatFixtures.NAME + "-gbk.txt"));
        byte[] cut = java.util.Arrays.copyOf(gbk, gbk.length + 1);
        cut[gbk.length] = (byte) 0xB1; // the first byte of a two-byte character, and then the file ends
        Path file = Files.write(dir.resolve("cut-gbk.txt"), cut);
        SourceDocument doc = ingestor.read(file, dir);
        assertTrue(text(doc).startsWith(FormatFixtures.twinText().substring(0, 200)), "decoded as GBK");
        assertEquals(1, doc.warnings().size(), doc.warnings().toString());
        assertTrue(doc.warnings().get(0).contains("1 undecodable"), doc.warnings().get(0));
    }

    @Test
    void utf16WithoutByteOrderMarkDecodes(@TempDir Path dir) throws Exception {
        String report = "Report 2021 of agency ABC: table 3, row 1, 12 applications.\n";
        Path file = dir.resolve("utf16be.txt");
        Files.write(file, report.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(report, text(ingestor.read(file, dir)));
    }

    @Test
    void contentDecidesTheFormatAndAMisleadingExtensionIsAWarning(@TempDir Path dir) throws Exception {
        Path misnamed = dir.resolve("report.doc");
        Files.copy(FormatFixtures.file(FormatFixtures.NAME + ".pdf"), misnamed);
        SourceDocument doc = ingestor.read(misnamed, dir);
        assertEquals("pdf", doc.format());
        assertEquals(1, doc.warnings().size());
        assertTrue(doc.warnings().get(0).contains("report.doc") && doc.warnings().get(0).contains("pdf"));
        assertEquals("report", doc.id());
        assertEquals("report.doc", doc.relativePath());
    }

    @Test
    void recordsSizeHashAndRelativePath() throws Exception {
        Path file = FormatFixtures.file(FormatFixtures.NAME + ".docx");
        SourceDocument doc = ingestor.read(file, FormatFixtures.dir().getParent());
        assertEquals(Files.size(file), doc.size());
        assertEquals(Ingestor.sha256(Files.readAllBytes(file)), doc.sha256());
        assertEquals("formats/" + FormatFixtures.NAME + ".docx", doc.relativePath());
    }
}
