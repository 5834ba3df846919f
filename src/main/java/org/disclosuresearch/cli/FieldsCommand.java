package org.disclosuresearch.cli;

import org.disclosuresearch.api.FieldsResponse;
import org.disclosuresearch.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code fields [--json]}: the figure catalogue, so that users find the ids that --range, --sort and --stats take. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "List the figure ids (for --range, --sort, --stats) with their table, row, column and unit.")
public final class FieldsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print the catalogue as one JSON object {fields, dimensions}, "
            + "as GET /api/fields does")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FieldsResponse catalogue = FieldsResponse.catalogue();
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
        out.println(fields.size() + " figures; facet dimensions: " + String.join(", ", catalogue.dimensions()));
        return 0;
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
