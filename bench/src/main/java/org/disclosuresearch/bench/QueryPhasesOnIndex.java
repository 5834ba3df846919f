package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.synthetic.Repetition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's query phases (the repeated mix, cold queries, follow-ups, a new server's first answer) on an
 * index that already exists, for an index the benchmark could not finish (BENCHMARKS.md: the 1M run's last commit,
 * 674,705 reports, after the disk filled). Arguments: CORPUS INDEX SIZE OUT.json, the corpus of the default seed,
 * crawled share and repetition; SIZE chooses the query mix as for that size. Settings as the README's 1M command:
 * warm-up 2, 5 rounds, 4 repeats, 40 cold queries a kind.
 */
public final class QueryPhasesOnIndex {
    private QueryPhasesOnIndex() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: QueryPhasesOnIndex CORPUS INDEX SIZE OUT.json");
            System.exit(2);
        }
        Path corpusRoot = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        long size = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        SyntheticCorpus corpus = new SyntheticCorpus(corpusRoot, 20210101L, 0.2, Repetition.REALISTIC);
        QueryBench.Progress progress = System.out::println;
        ObjectNode node = Json.mapper().createObjectNode();
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(indexDir, false)) {
            node.put("reportsInIndex", backend.size());
            OurEngine ours = new OurEngine(backend);
            List<BenchQuery> mix = QueryMix.build(corpus.generator(), size);
            HeapMeter heap = new HeapMeter();
            heap.reset();
            node.put("loadAtStart", Benchmark.loadAverage());
            node.set("queries", QueryBench.measure(ours, mix, new QueryBench.Settings(2, 5, 4, 60), progress));
            node.put("peakHeapMb", heap.peakHeapMb());
            Files.writeString(out, node.toPrettyString());
            node.put("loadAtCold", Benchmark.loadAverage());
            List<BenchQuery> cold = QueryMix.cold(corpus.generator(), size, 40);
            node.set("cold", QueryBench.measureCold(ours, cold));
            Files.writeString(out, node.toPrettyString());
            node.put("loadAtFollowUps", Benchmark.loadAverage());
            try (LuceneSearchBackend remembering = LuceneSearchBackend.open(indexDir, true)) {
                node.set("followUps", FollowUps.measure(backend, remembering, cold));
            }
            Files.writeString(out, node.toPrettyString());
            BenchQuery first = mix.stream().filter(q -> q.kind() == BenchQuery.Kind.PHRASE_FILTERED).findFirst()
                    .orElseThrow();
            node.set("serveStart", HttpLoad.firstAnswer(indexDir, ours.request(first), "1g",
                    out.resolveSibling("server-start.log")));
            node.put("loadAtEnd", Benchmark.loadAverage());
            Files.writeString(out, node.toPrettyString());
        }
    }
}
