package org.disclosuresearch.search;

import org.disclosuresearch.synthetic.Repetition;
import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Not a unit test: {@code main} measures how much of a corpus's text repeats clause for clause, as the indexer's clause
 * cache sees it (a clause: a run of letters and digits between spaces and punctuation, as ClauseWordAnalyzer cuts
 * the normalized text; clauses longer than 48 characters are never cached). For the real reports (seeds and
 * src/test/resources/real) and the synthetic corpus of the same size and larger, at each {@link Repetition}, in corpus order: the share of clauses
 * seen earlier in the corpus (the cache's hit rate with unbounded memory) and the share of characters they hold.
 * <p>Usage: {@code java -cp target/disclosure-search.jar:target/test-classes
 * org.disclosuresearch.search.ClauseRepetitionMeasurement [synthetic sizes...]}
 */
public final class ClauseRepetitionMeasurement {

    private static final int MAX_CACHED_LENGTH = 48;

    public static void main(String[] args) {
        List<String> seeds = texts(SeedReports.load());
        List<String> real = texts(ContractCorpus.real(Path.of("src", "test", "resources", "real")));
        List<String> both = new ArrayList<>(seeds);
        both.addAll(real);
        print("seeds", seeds);
        print("real (src/test/resources/real)", real);
        print("seeds + real", both);
        List<Integer> sizes = new ArrayList<>(List.of(both.size()));
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        for (int n : sizes) {
            for (Repetition repetition : Repetition.values()) {
                SyntheticReportGenerator generator = new SyntheticReportGenerator(20210101L,
                        SyntheticReportGenerator.DEFAULT_CRAWLED_SHARE, repetition);
                List<String> synthetic = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    synthetic.add(Normalizer.normalize(generator.generate(i).text()));
                }
                print("synthetic " + repetition.name().toLowerCase() + ", first " + n, synthetic);
            }
        }
    }

    private static List<String> texts(List<Report> reports) {
        return reports.stream().map(r -> r.text() == null ? "" : r.text()).toList();
    }

    private static void print(String name, List<String> texts) {
        Set<String> seen = new HashSet<>();
        long clauses = 0;
        long repeated = 0;
        long chars = 0;
        long repeatedChars = 0;
        for (String text : texts) {
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                int start = i;
                while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                if (i == start) {
                    continue;
                }
                String clause = text.substring(start, i);
                clauses++;
                chars += clause.length();
                if (clause.length() <= MAX_CACHED_LENGTH && !seen.add(clause)) {
                    repeated++;
                    repeatedChars += clause.length();
                }
            }
        }
        System.out.printf("%-40s %6d reports %8d clauses: %5.1f%% repeated clauses, %5.1f%% of clause characters%n",
                name, texts.size(), clauses, 100.0 * repeated / Math.max(1, clauses),
                100.0 * repeatedChars / Math.max(1, chars));
    }
}
