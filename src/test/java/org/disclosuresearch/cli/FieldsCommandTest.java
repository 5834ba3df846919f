package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.disclosuresearch.cli.IndexAndSearchCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fields} lists the catalogue; a mistyped id on the command line suggests the closest and points to it. */
class FieldsCommandTest {

    @Test
    void the_table_lists_every_figure_with_its_labels_and_unit() {
        IndexAndSearchCommandTest.Run r = run("fields");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("id") && lines.get(0).contains("unit"), lines.get(0));
        for (Figure f : FigureCatalog.get().all()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(f.id() + " ") && l.contains(f.row())
                    && l.contains(f.column()) && l.contains(f.unit())), f.id());
        }
        String penalties = lines.stream().filter(l -> l.startsWith("penalties ")).findFirst().orElseThrow();
        assertTrue(penalties.contains("二、主动公开政府信息情况") && penalties.contains("行政处罚"), penalties);
    }

    @Test
    void json_is_the_catalogue_as_the_api_gives_it() throws Exception {
        IndexAndSearchCommandTest.Run r = run("fields", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode fields = Json.mapper().readTree(r.out()).get("fields");
        assertEquals(FigureCatalog.get().allWithDerived().size(), fields.size());
        JsonNode first = fields.get(0);
        Figure f = FigureCatalog.get().all().get(0);
        assertEquals(f.id(), first.get("id").asText());
        assertEquals(f.table(), first.get("table").asText());
        assertEquals(f.row(), first.get("row").asText());
        assertEquals(f.column(), first.get("column").asText());
        assertEquals(f.unit(), first.get("unit").asText());
    }

    @Test
    void an_unknown_figure_id_suggests_the_closest_and_the_fields_command(@TempDir Path dir) throws Exception {
        String index = Files.createDirectories(dir.resolve("index")).toString();
        for (String[] option : List.of(new String[]{"--range", "penalty=1000.."}, new String[]{"--sort", "penalty"},
                new String[]{"--stats", "penalty,province"})) {
            IndexAndSearchCommandTest.Run r = run("search", "--index", index, option[0], option[1], "x");
            assertEquals(2, r.code(), option[0]);
            assertTrue(r.err().contains("unknown figure id 'penalty'") && r.err().contains("did you mean penalties?")
                    && r.err().contains("fields command"), r.err());
            assertFalse(r.err().contains("/api/"), r.err());
        }
    }

    @Test
    void words_filter_the_list() {
        IndexAndSearchCommandTest.Run r = run("fields", "处罚");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().skip(1).filter(l -> !l.contains(" figures")).toList();
        long expected = FigureCatalog.get().all().stream().filter(f -> (f.id() + f.table() + f.row() + f.column())
                .contains("处罚")).count();
        assertTrue(expected > 0);
        assertEquals(expected, rows.size(), r.out());
        assertTrue(rows.stream().allMatch(l -> l.contains("处罚")), r.out());
        assertTrue(r.out().contains(expected + " figures matching 处罚"), r.out());

        IndexAndSearchCommandTest.Run none = run("fields", "不存在的词");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no figure matches 不存在的词"), none.err());
    }
}
