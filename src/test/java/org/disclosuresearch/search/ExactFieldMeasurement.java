package org.disclosuresearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.disclosuresearch.index.ExactPhrase;
import org.disclosuresearch.index.ExactPhraseAnalyzer;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Not a unit test: {@code main} compares the two exact-phrase analyses that are exact by construction — unigrams
 * with positions vs. unigram + stacked bigram per position (the one in use) — on a synthetic corpus of seed
 * sentences shuffled into N reports: index size, indexing time, phrase query latency, and agreement of the two.
 * Usage: {@code java -cp target/classes:target/test-classes:<deps> org.disclosuresearch.search.ExactFieldMeasurement
 * [reports] [workdir]}
 */
public final class ExactFieldMeasurement {

    /** Unigram-only variant: one token per code point. */
    static final class UnigramTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private int pos;

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (pos >= text.length()) {
                return false;
            }
            int len = Character.charCount(text.codePointAt(pos));
            term.setEmpty().append(text, pos, pos + len);
            offset.setOffset(correctOffset(pos), correctOffset(pos + len));
            pos += len;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            char[] buf = new char[8192];
            int n;
            while ((n = input.read(buf)) > 0) {
                text.append(buf, 0, n);
            }
            pos = 0;
        }
    }

    static Query unigramQuery(String field, String phrase) {
        int[] cps = Normalizer.normalize(phrase).codePoints().toArray();
        if (cps.length == 1) {
            return new TermQuery(new Term(field, new String(cps, 0, 1)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i < cps.length; i++) {
            b.add(new Term(field, new String(cps, i, 1)), i);
        }
        return b.build();
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("exact-measure");
        List<String> sentences = new ArrayList<>();
        for (Report r : SeedReports.load()) {
            for (String s : r.text().split("(?<=。)")) {
                if (!s.isBlank()) {
                    sentences.add(s);
                }
            }
        }
        Random random = new Random(1L);
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < reports; i++) {
            List<String> copy = new ArrayList<>(sentences);
            Collections.shuffle(copy, random);
            String t = String.join("", copy.subList(0, copy.size() / 2));
            texts.add(t);
            chars += t.length();
        }
        List<String> phrases = new ArrayList<>(List.of("依申请公开", "本机关不掌握", "长护险", "三审三校", "朋友圈"));
        for (int i = 0; i < 300; i++) {
            String t = texts.get(random.nextInt(texts.size()));
            int len = 2 + random.nextInt(7);
            int start = random.nextInt(t.length() - len);
            phrases.add(t.substring(start, start + len));
        }
        System.out.printf("corpus: %d synthetic reports, %d chars; %d phrases%n", reports, chars, phrases.size());
        long[] bigramHits = run("unigram+bigram (in use)", work.resolve("bigram"), new ExactPhraseAnalyzer(), texts,
                phrases, p -> ExactPhrase.query("f", p));
        long[] unigramHits = run("unigram only", work.resolve("unigram"), new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new UnigramTokenizer());
            }
        }, texts, phrases, p -> unigramQuery("f", p));
        int disagree = 0;
        for (int i = 0; i < phrases.size(); i++) {
            disagree += bigramHits[i] == unigramHits[i] ? 0 : 1;
        }
        System.out.printf("phrases where the two disagree on the hit count: %d%n", disagree);
    }

    static long[] run(String label, Path dir, Analyzer analyzer, List<String> texts, List<String> phrases,
                      Function<String, Query> query) throws IOException {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (String t : texts) {
                Document doc = new Document();
                doc.add(new Field("f", t, type));
                w.addDocument(doc);
            }
            w.forceMerge(1);
        }
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        long bytes;
        try (Stream<Path> s = Files.list(dir)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        long[] hits = new long[phrases.size()];
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(r);
            for (int i = 0; i < phrases.size(); i++) { // warm-up
                hits[i] = searcher.count(query.apply(phrases.get(i)));
            }
            long q0 = System.nanoTime();
            int rounds = 3;
            for (int round = 0; round < rounds; round++) {
                for (String p : phrases) {
                    searcher.count(query.apply(p));
                }
            }
            double perQueryMs = (System.nanoTime() - q0) / 1e6 / (rounds * phrases.size());
            System.out.printf("%-24s index %6.1f MB, indexing %5d ms, phrase count query %.3f ms on average%n",
                    label, bytes / 1e6, indexMs, perQueryMs);
        }
        return hits;
    }
}
