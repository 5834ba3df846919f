package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Times one engine over the query mix: warm-up passes first (not recorded), then rounds in which every query of each
 * kind runs {@code repeats} times. A kind that has used up its time budget stops early (at least one round).
 */
public final class QueryBench {

    public record Settings(int warmupPasses, int rounds, int repeats, double maxSecondsPerKind) {
    }

    private QueryBench() {
    }

    static ObjectNode measure(QueryEngine engine, List<BenchQuery> mix, Settings settings, Progress progress) {
        Map<BenchQuery.Kind, List<QueryEngine.Prepared>> byKind = new EnumMap<>(BenchQuery.Kind.class);
        Map<BenchQuery.Kind, Long> totals = new EnumMap<>(BenchQuery.Kind.class);
        ObjectNode node = Json.mapper().createObjectNode();
        ObjectNode perQuery = Json.mapper().createObjectNode();
        List<String> errors = new ArrayList<>();
        for (BenchQuery q : mix) {
            try {
                QueryEngine.Prepared prepared = engine.prepare(q);
                byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(prepared);
                // each query's total, once, untimed: the two engines' answers can then be compared
                perQuery.put(q.toString(), prepared.run());
            } catch (RuntimeException e) {
                errors.add(q + ": " + e.getMessage());
            }
        }
        long warmupStart = System.nanoTime();
        for (int pass = 0; pass < settings.warmupPasses(); pass++) {
            for (Map.Entry<BenchQuery.Kind, List<QueryEngine.Prepared>> e : byKind.entrySet()) {
                for (QueryEngine.Prepared p : e.getValue()) {
                    try {
                        totals.merge(e.getKey(), p.run(), Math::max);
                    } catch (RuntimeException ex) {
                        errors.add(e.getKey() + " (warm-up): " + ex.getMessage());
                    }
                }
            }
        }
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        Map<BenchQuery.Kind, Latencies> latencies = new EnumMap<>(BenchQuery.Kind.class);
        Map<BenchQuery.Kind, Long> spent = new EnumMap<>(BenchQuery.Kind.class);
        Latencies overall = new Latencies();
        for (int round = 0; round < settings.rounds(); round++) {
            long roundStart = System.nanoTime();
            for (Map.Entry<BenchQuery.Kind, List<QueryEngine.Prepared>> e : byKind.entrySet()) {
                BenchQuery.Kind kind = e.getKey();
                if (round > 0 && spent.getOrDefault(kind, 0L) / 1e9 > settings.maxSecondsPerKind()) {
                    continue;
                }
                Latencies l = latencies.computeIfAbsent(kind, k -> new Latencies());
                long kindStart = System.nanoTime();
                for (int r = 0; r < settings.repeats(); r++) {
                    for (QueryEngine.Prepared p : e.getValue()) {
                        long t0 = System.nanoTime();
                        try {
                            p.run();
                            long t = System.nanoTime() - t0;
                            l.record(t);
                            overall.record(t);
                        } catch (RuntimeException ex) {
                            l.error();
                            overall.error();
                            if (errors.size() < 20) {
                                errors.add(kind + ": " + ex.getMessage());
                            }
                        }
                    }
                }
                long elapsed = System.nanoTime() - kindStart;
                l.endRound(elapsed);
                spent.merge(kind, elapsed, Long::sum);
            }
            overall.endRound(System.nanoTime() - roundStart);
            progress.say(String.format("  %s: round %d/%d done", engine.name(), round + 1, settings.rounds()));
        }
        node.put("engine", engine.name());
        node.put("warmupPasses", settings.warmupPasses());
        node.put("warmupSeconds", Latencies.round(warmupSeconds));
        ObjectNode kinds = node.putObject("kinds");
        latencies.forEach((kind, l) -> {
            ObjectNode s = l.summary();
            s.put("queries", byKind.get(kind).size());
            s.put("maxTotal", totals.getOrDefault(kind, -1L));
            kinds.set(kind.name(), s);
        });
        node.set("mix", overall.summary());
        node.set("totals", perQuery);
        var errorList = node.putArray("errors");
        errors.stream().distinct().limit(20).forEach(errorList::add);
        return node;
    }

    /**
     * Times each query once, in order, with no warm-up of its own: queries the engine has never seen (see
     * {@link QueryMix#cold}). The JVM and the operating system's file cache are as warm as the repeated stream left
     * them; what is cold is every per-query and per-filter cache.
     */
    static ObjectNode measureCold(QueryEngine engine, List<BenchQuery> cold) {
        Map<BenchQuery.Kind, Latencies> latencies = new EnumMap<>(BenchQuery.Kind.class);
        Map<BenchQuery.Kind, Long> kindNanos = new EnumMap<>(BenchQuery.Kind.class);
        Latencies overall = new Latencies();
        List<String> errors = new ArrayList<>();
        long allStart = System.nanoTime();
        for (BenchQuery q : cold) {
            Latencies l = latencies.computeIfAbsent(q.kind(), k -> new Latencies());
            try {
                QueryEngine.Prepared prepared = engine.prepare(q);
                long t0 = System.nanoTime();
                prepared.run();
                long t = System.nanoTime() - t0;
                l.record(t);
                overall.record(t);
                kindNanos.merge(q.kind(), t, Long::sum);
            } catch (RuntimeException e) {
                l.error();
                overall.error();
                if (errors.size() < 20) {
                    errors.add(q + ": " + e.getMessage());
                }
            }
        }
        overall.endRound(System.nanoTime() - allStart);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("engine", engine.name());
        ObjectNode kinds = node.putObject("kinds");
        latencies.forEach((kind, l) -> {
            l.endRound(kindNanos.getOrDefault(kind, 0L));
            ObjectNode s = l.summary();
            s.put("queries", cold.stream().filter(q -> q.kind() == kind).count());
            kinds.set(kind.name(), s);
        });
        node.set("mix", overall.summary());
        var errorList = node.putArray("errors");
        errors.forEach(errorList::add);
        return node;
    }

    /** Where progress lines go. */
    @FunctionalInterface
    public interface Progress {
        void say(String line);
    }
}
