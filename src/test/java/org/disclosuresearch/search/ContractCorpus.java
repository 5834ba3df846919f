package org.disclosuresearch.search;

import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.ingest.CorpusFiles;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.ReportFileReader;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus every backend's contract suite indexes: the five seeds, the twelve real reports the project keeps in
 * {@code src/test/resources/real} (parsed by the project's parser) and a few hundred synthetic reports.
 */
public final class ContractCorpus {
    private ContractCorpus() {
    }

    public static final int SYNTHETIC = 300;
    private static final Path REAL = Path.of("src", "test", "resources", "real");

    public static List<Report> load() {
        List<Report> out = new ArrayList<>(SeedReports.load());
        out.addAll(real(REAL));
        SyntheticReportGenerator generator = new SyntheticReportGenerator(20260402L);
        for (long i = 0; i < SYNTHETIC; i++) {
            out.add(toReport(generator.generate(i)));
        }
        return out;
    }

    /** The real reports the parser reads (a file it refuses is no report: left out, as the index would). */
    static List<Report> real(Path root) {
        List<Report> out = new ArrayList<>();
        Path dir = locate(root);
        if (dir == null) {
            System.out.println("[contract] no real corpus at " + root.toAbsolutePath().normalize());
            return out;
        }
        for (Path file : CorpusFiles.list(List.of(dir))) {
            try {
                Report r = ReportFileReader.DEFAULT.read(file, dir);
                if (r.id() == null) {
                    String name = file.getFileName().toString();
                    r = r.toBuilder().id(name.substring(0, name.lastIndexOf('.') < 0 ? name.length()
                            : name.lastIndexOf('.'))).build();
                }
                out.add(r);
            } catch (DocumentProblem e) {
                System.out.println("[contract] left out " + file + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The real corpus from the working directory or, for the nested build of the solr module, the core's. */
    private static Path locate(Path root) {
        for (Path base : List.of(Path.of(""), Path.of(".."))) {
            Path p = base.resolve(root);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static Report toReport(SyntheticReport s) {
        return Report.builder()
                .id(s.id())
                .file(s.id() + ".txt")
                .agency(s.agency())
                .year(s.year())
                .published(s.published())
                .template(s.template())
                .region(s.region())
                .agencyType(s.agencyType())
                .figures(s.figures())
                .failedChecks(List.copyOf(new java.util.TreeSet<>(s.failedChecks())))
                .source(new SourceInfo(s.id() + ".txt", "txt", s.text().length(), null, null, null))
                .text(Normalizer.normalize(s.text()))
                .build();
    }
}
