package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.BoilerplateRule;
import org.disclosuresearch.copies.CopyLinker;
import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.copies.MemorySentenceLookup;
import org.disclosuresearch.copies.NarrativeSentences;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.EarlierReport;
import org.disclosuresearch.report.PreviousReport;
import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linked values of a run that sends (nearly) every report — a first run into an empty sink, an outdated sink, a
 * rebuild, a bulk load — computed BEFORE the one write: storing every report and then storing nearly all of them
 * again with their linked values (after reading the index back) cost more than the first write. The parsed reports
 * are spooled to a temporary file ({@link ReportSpool}); what linking needs stays in memory
 * ({@link MemoryLinkedReports} for the {@link AgencyLinker}, {@link MemorySentenceLookup} for copy detection); then
 * the linkers run on those views with the code the incremental path runs on the index, and each report is stored
 * once, with its values.
 *
 * <p>What it costs in memory, per report: its outline and agency keys (a few hundred bytes), its id, agency key and
 * name (shared with the outline), and 12 bytes per distinct counted sentence (hash + holder number) plus 12 per
 * distinct sentence of its year; the texts stay on disk.
 */
final class FullRunLinks implements Closeable {

    private static final AgencyLinker AGENCY = new AgencyLinker();

    private final ReportSpool spool;
    /** Null when the sink keeps no agency links. */
    private final MemoryLinkedReports agencyView;
    /** Null when the sink keeps no copy shares. */
    private final MemorySentenceLookup.Builder sentences;
    /** The agency linker's output by id: only what it sets (the rest of its outline is not kept). */
    private final Map<String, AgencyValues> linked = new ConcurrentHashMap<>();
    private MemorySentenceLookup lookup;

    private record AgencyValues(PreviousReport previous, EarlierReport earlier, List<Integer> missingYears) {
    }

    private FullRunLinks(boolean agencies, boolean copies, java.nio.file.Path scratch) throws IOException {
        this.spool = new ReportSpool(scratch);
        this.agencyView = agencies ? new MemoryLinkedReports() : null;
        this.sentences = copies ? new MemorySentenceLookup.Builder() : null;
    }

    /**
     * The stage for a run into this sink, or null when the sink keeps no cross-report values at all (then reports are
     * sent as they are parsed).
     */
    static FullRunLinks open(ReportSink sink) throws IOException {
        boolean agencies;
        try (LinkedReports view = sink.linkedReports()) {
            agencies = view != null;
        }
        boolean copies;
        try (CopyStore store = sink.copyStore()) {
            copies = store != null && agencies; // copy relinking stores through the linkers' view, so needs both
        }
        return agencies || copies ? new FullRunLinks(agencies, copies, sink.scratchFolder()) : null;
    }

    /**
     * Heap a report's links take until the write, as measured on a first run of 100k synthetic reports (the heap after
     * young collections peaked at 667 MB under -Xmx1g, of which ≈150 MB were the writer's buffer and the clause cache),
     * rounded up. At 1M (-Xmx12g) the live set after mixed collections was 4.9–5.1 GB, ≈4.4 KB a report beyond the
     * buffer and the cache: the estimate stays on the safe side.
     */
    static final long HEAP_BYTES_PER_REPORT = 6_000;

    /**
     * A warning when {@code reports} reports' links would take more than half of {@code maxHeapBytes} (the rest is
     * the writer's buffer, the clause cache and the parse threads' work), naming the heap to ask for; null when
     * they fit. Said before parsing, so that whoever starts a run that may run out of memory an hour in learns it at
     * once, with the remedy.
     */
    static String heapWarning(long reports, long maxHeapBytes) {
        long needed = reports * HEAP_BYTES_PER_REPORT;
        if (needed <= maxHeapBytes / 2) {
            return null;
        }
        long suggestGb = Math.max(1, (needed * 2 + (1L << 30) - 1) >> 30);
        return String.format("a first run of %,d reports keeps their links in memory until it writes (about %,d MB); "
                + "this JVM may use %,d MB of heap. If it runs out of memory, run it with -Xmx%dg "
                + "(java -Xmx%dg -jar disclosure-search.jar index …)", reports, needed >> 20, maxHeapBytes >> 20,
                suggestGb, suggestGb);
    }

    /** A report as the write path would send it: kept for linking and spooled. Called from the parse threads. */
    void add(Report prepared, SourceStamp stamp) throws IOException {
        if (prepared.id() == null || prepared.id().isBlank()) {
            throw new IllegalArgumentException("report without id: " + prepared.file());
        }
        if (agencyView != null) {
            agencyView.add(prepared, List.of(AGENCY));
        }
        List<NarrativeSentences.Sentence> counted = null;
        if (sentences != null) {
            String key = CopyLinker.agencyKeyOf(prepared);
            // counted once: the lookup keeps their hashes, the spool their spans for the shares' passages
            counted = prepared.year() == null ? List.of() : NarrativeSentences.of(asStored(prepared));
            sentences.add(prepared.id(), key, key == null ? null : prepared.agency(), prepared.year(),
                    NarrativeSentences.distinctHashes(counted));
        }
        spool.add(prepared, stamp, counted);
    }

    /** After the last {@link #add}: every report's linked values, then the spooled reports to store, one by one. */
    Iterator<ReportSpool.Record> linkAll() throws IOException {
        if (agencyView != null) {
            AGENCY.relink(agencyView.allKeys(AgencyLinker.NAME), agencyView,
                    r -> linked.put(r.id(), new AgencyValues(r.previous(), r.earlier(), r.agencyMissingYears())));
        }
        if (sentences != null) {
            lookup = sentences.build();
        }
        return spool.read();
    }

    /**
     * The spooled report with its linked values, as the incremental path would store it after relinking. Thread-safe.
     */
    Report withLinks(ReportSpool.Entry spooled) throws IOException {
        Report r = spooled.report();
        AgencyValues values = linked.get(r.id());
        if (values != null) {
            r = LinkedValues.derive(r.toBuilder().previous(values.previous())
                    .earlier(values.earlier()).agencyMissingYears(values.missingYears()).build());
        }
        if (lookup != null) {
            // a run that detects copies spooled every report with its sentences (add)
            r = CopyLinker.withShares(r, spooled.sentences(), lookup, BoilerplateRule.DEFAULT);
        }
        return r;
    }

    /**
     * The report with its text as a sink stores it (normalized: a report loaded from JSON may carry another form),
     * which is the text copy detection reads after a commit: the same sentences, hashes and passage offsets.
     */
    private static Report asStored(Report r) {
        return r.text() == null ? r : r.withText(Normalizer.normalize(r.text()));
    }

    long spooled() {
        return spool.size();
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }
}
