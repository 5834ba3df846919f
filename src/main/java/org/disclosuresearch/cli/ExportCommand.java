package org.disclosuresearch.cli;

import org.disclosuresearch.api.CsvExport;
import org.disclosuresearch.api.SearchParameters;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.query.QueryException;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.UnknownFigureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code export [options] QUERY}: every matching report as CSV, the same file {@code GET /api/export.csv} sends. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every report matching the query and filters as CSV (UTF-8 with BOM, Chinese headers), "
                + "as the page's export link does.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    RequestOptions request;

    @Option(names = "--columns", paramLabel = "ID[,ID...]", split = ",",
            description = "figure columns, in order (default: every figure; the fields command lists them)")
    List<String> columns = new ArrayList<>();

    @Mixin
    BackendOption backendOption = new BackendOption();

    @Option(names = "--header", paramLabel = "zh|ids", defaultValue = "zh",
            description = "zh: the template's Chinese names and failed checks as sentences (default); ids: machine "
                    + "ids and check ids")
    String header;

    @Option(names = "--evidence", description = "after each figure, a column saying how it was read "
            + "(单元格 / 空白记0 / 拆分连写数字 / 依正文 / 子行相加)")
    boolean evidence;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "write to FILE; a folder gets the page's file name (query and date); default: stdout")
    Path out;

    @Override
    public Integer call() {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path index = request.index;
        BackendOptions backendOptions;
        try {
            backendOptions = backendOption.options(index);
            Backends.provider(backendOptions);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        if (BackendOptions.EMBEDDED.equals(backendOptions.kind()) && !Files.isDirectory(index)) {
            err.println("export: no index at " + index + " (run: index --docs DIR --index " + index + ")");
            return 2;
        }
        try (SearchBackend backend = Backends.openSearch(backendOptions)) {
            SearchRequest searchRequest = request.request(1, List.of());
            // the API's own parsing of columns, header and evidence: one code path for both
            CsvExport.Options options = new SearchParameters(SearchParameters.Limits.DEFAULT).csvOptions(Map.of(
                    "columns", List.of(String.join(",", columns)), "header", List.of(header), "evidence", List.of(evidence ? "1" : "0")));
            Path file = out != null && Files.isDirectory(out)
                    ? out.resolve(CsvExport.fileName(searchRequest.query(), LocalDate.now())) : out;
            if (file == null) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                new CsvExport(writer, options).writeAll(backend, searchRequest);
                writer.flush();
            } else {
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new CsvExport(writer, options).writeAll(backend, searchRequest);
                }
                err.println("export: wrote " + file);
            }
            return 0;
        } catch (QueryException e) {
            err.println("export: invalid QUERY: " + e.getMessage());
            return 2;
        } catch (InvalidRequestException e) {
            err.println("export: invalid " + RequestOptions.optionOf(e.parameter()) + ": " + e.getMessage()
                    + (e instanceof UnknownFigureException ? "; the fields command lists every figure id" : ""));
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
    }
}
