package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency samples of one measurement, kept per round so that the spread between rounds can be reported beside the
 * percentiles over all samples.
 */
final class Latencies {

    private final List<long[]> rounds = new ArrayList<>();
    private long[] current = new long[16];
    private int size;
    private long wallNanos;
    private long errors;

    void record(long nanos) {
        if (size == current.length) {
            current = Arrays.copyOf(current, size * 2);
        }
        current[size++] = nanos;
    }

    void error() {
        errors++;
    }

    /** Closes the current round; its wall time counts towards throughput. */
    void endRound(long roundWallNanos) {
        if (size > 0) {
            rounds.add(Arrays.copyOf(current, size));
        }
        size = 0;
        wallNanos += roundWallNanos;
    }

    long count() {
        return rounds.stream().mapToLong(r -> r.length).sum();
    }

    long[] all() {
        long[] all = new long[(int) count()];
        int i = 0;
        for (long[] r : rounds) {
            System.arraycopy(r, 0, all, i, r.length);
            i += r.length;
        }
        Arrays.sort(all);
        return all;
    }

    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** p50/p95/p99/mean/max in ms, queries per second, and the min–max of the per-round medians. */
    ObjectNode summary() {
        ObjectNode node = Json.mapper().createObjectNode();
        long[] all = all();
        node.put("samples", all.length);
        node.put("rounds", rounds.size());
        node.put("errors", errors);
        node.put("p50Ms", round(percentileMillis(all, 50)));
        node.put("p95Ms", round(percentileMillis(all, 95)));
        node.put("p99Ms", round(percentileMillis(all, 99)));
        node.put("meanMs", round(all.length == 0 ? Double.NaN : Arrays.stream(all).average().orElse(0) / 1e6));
        node.put("maxMs", round(all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6));
        node.put("qps", round(wallNanos == 0 ? Double.NaN : all.length / (wallNanos / 1e9)));
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (long[] r : rounds) {
            long[] sorted = r.clone();
            Arrays.sort(sorted);
            double p50 = percentileMillis(sorted, 50);
            lo = Math.min(lo, p50);
            hi = Math.max(hi, p50);
        }
        node.put("roundP50MinMs", rounds.isEmpty() ? Double.NaN : round(lo));
        node.put("roundP50MaxMs", rounds.isEmpty() ? Double.NaN : round(hi));
        return node;
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
