package org.disclosuresearch.cli;

import org.disclosuresearch.api.FieldsResponse;
import org.disclosuresearch.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code fields [--json] [WORD...]}: the figure catalogue, so that users find the ids that --range, --sort and --stats take. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "List the figure ids (for --range, --sort, --stats) with their table, row, column and unit; "
                + "words filter the list.")
public final class FieldsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print the catalogue as one JSON object {fields, dimensions}, "
            + "as GET /api/fields does")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "WORD",
            description = "only the figures whose id, table, row or column contains every word (fields 处罚)")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FieldsResponse all = FieldsResponse.catalogue();
        FieldsResponse catalogue = new FieldsResponse(all.fields().stream().filter(this::matches).toList(),
                all.dimensions());
        if (catalogue.fields().isEmpty()) {
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println("fields: no figure matches "
                    + String.join(" ", words) + " (fields without words lists all " + all.fields().size() + ")");
            return 1;
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(catalogue));
            return 0;
        }
        List<FieldsResponse.Field> fields = catalogue.fields();
        List<Function<FieldsResponse.Field, String>> columns = List.of(FieldsResponse.Field::id,
                FieldsResponse.Field::table, FieldsResponse.Field::row, FieldsResponse.Field::column,
                FieldsResponse.Field::unit, f -> String.join(",", f.templates()));
        List<String> heads = List.of("id", "table", "row", "column", "unit", "templates");
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = SearchCommand.width(heads.get(c));
            for (FieldsResponse.Field f : fields) {
                widths[c] = Math.max(widths[c], SearchCommand.width(columns.get(c).apply(f)));
            }
        }
        out.println(line(heads, widths));
        for (FieldsResponse.Field f : fields) {
            out.println(line(columns.stream().map(c -> c.apply(f)).toList(), widths));
        }
        out.println(fields.size() + " figures" + (words.isEmpty() ? "" : " matching " + String.join(" ", words))
                + "; facet dimensions: " + String.join(", ", catalogue.dimensions()));
        return 0;
    }

    private boolean matches(FieldsResponse.Field f) {
        String haystack = (f.id() + " " + f.table() + " " + f.row() + " " + f.column()).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(w -> haystack.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            boolean last = c == cells.size() - 1;
            sb.append(last ? cells.get(c) : SearchCommand.pad(cells.get(c), widths[c]) + "  ");
        }
        return sb.toString();
    }
}
