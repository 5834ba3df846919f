package org.disclosuresearch.index;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hit fields' binary encoding gives back what was written, decimals with their scale, in figure order. */
class HitFieldsTest {

    @Test
    void figures_come_back_typed_in_order_with_their_scale() throws Exception {
        List<Figure> all = FigureCatalog.get().all();
        String decimal = all.stream().filter(Figure::isDecimal).findFirst().orElseThrow().id();
        String whole = all.stream().filter(f -> !f.isDecimal()).findFirst().orElseThrow().id();
        String lastWhole = all.stream().filter(f -> !f.isDecimal()).reduce((a, b) -> b).orElseThrow().id();
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put(lastWhole, 7L);
        figures.put(decimal, new BigDecimal("12.30"));
        figures.put(whole, null);
        figures.put("not_catalogued", new BigDecimal("123456789012345678901234567890.5"));
        figures.put("not_catalogued_whole", -3L);
        HitFields written = new HitFields("r1", "某市人民政府办公室", 2021, new Region("浙江省", null, "某县"), "政府办",
                "2021", figures, List.of("a", "b"), "330382:某市人民政府办公室", Map.of("disclosure_rate", 0.4695, "apps_new_growth", -0.25));
        HitFields read = HitFields.decode(HitFields.encode(written));
        assertEquals(written, read);
        assertEquals(List.copyOf(figures.keySet()), List.copyOf(read.figures().keySet()));
        assertEquals("12.30", read.figures().get(decimal).toString());
        assertEquals("123456789012345678901234567890.5", read.figures().get("not_catalogued").toString());

        HitFields empty = new HitFields("r2", null, null, Region.NONE, null, null, Map.of(), List.of(), null, Map.of());
        assertEquals(empty, HitFields.decode(HitFields.encode(empty)));
    }

    @Test
    void a_catalogued_decimal_written_as_a_whole_number_reads_back_as_the_stored_json_types_it() throws Exception {
        String decimal = FigureCatalog.get().all().stream().filter(Figure::isDecimal).findFirst().orElseThrow().id();
        HitFields written = new HitFields("r3", null, null, Region.NONE, null, null, Map.of(decimal, 5L), List.of(), null,
                Map.of());
        assertEquals(new BigDecimal("5"), HitFields.decode(HitFields.encode(written)).figures().get(decimal));
    }
}
