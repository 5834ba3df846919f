package org.disclosuresearch.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.FSDirectory;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranking apart from counting changes nothing a user sees: on the contract corpus (seeds, real reports, 300 synthetic
 * ones) both ways find the same total, the same facet counts and the same pages in the same order with the same
 * scores, first page and the next by cursor; and only a query matching much of the index takes two passes.
 */
class MatchesAndPageTest {

    @TempDir
    static Path indexDir;
    static DirectoryReader reader;
    static ExecutorService slices;
    static IndexSearcher searcher;

    @BeforeAll
    static void buildIndex() throws IOException {
        SeedReports.indexAndOpen(indexDir, ContractCorpus.load()).close();
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        slices = Executors.newFixedThreadPool(2);
        searcher = new IndexSearcher(reader, slices); // as the backend searches: slices in parallel
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        slices.shutdown();
    }

    private static Query query(String q) throws IOException {
        return searcher.rewrite(LuceneQueries.toLucene(QueryLanguage.parse(q, MatchMode.EXACT,
                Analyzers.wordSegmenter())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"依申请公开\"", "\"政府信息公开\"", "公开", "\"本机关\" OR \"申请\"", "\"朋友圈\"", "xyz不存在"})
    void two_passes_find_what_one_pass_does(String q) throws IOException {
        Query query = query(q);
        Sort sort = SortAndCursor.sort(SortSpec.RELEVANCE);
        FieldDoc after = null;
        for (int page = 0; page < 3; page++) {
            MatchesAndPage.Result one = MatchesAndPage.onePass(searcher, query, 11, sort, after);
            MatchesAndPage.Result two = MatchesAndPage.twoPasses(searcher, query, 11, sort, after);
            assertEquals(one.total(), two.total(), q);
            Map<String, Map<String, Long>> facets = FacetCounter.count(one.matching(), FacetSelection.DIMENSIONS);
            assertEquals(facets, FacetCounter.count(two.matching(), FacetSelection.DIMENSIONS), q);
            assertEquals(ids(one.top().scoreDocs), ids(two.top().scoreDocs), q + ", page " + page);
            for (int i = 0; i < one.top().scoreDocs.length; i++) {
                assertArrayEquals(((FieldDoc) one.top().scoreDocs[i]).fields,
                        ((FieldDoc) two.top().scoreDocs[i]).fields, q + ", page " + page + ", hit " + i);
            }
            if (one.top().scoreDocs.length == 0) {
                break;
            }
            after = (FieldDoc) one.top().scoreDocs[one.top().scoreDocs.length - 1];
        }
    }

    @org.junit.jupiter.api.Test
    void a_phrase_in_every_report_takes_two_passes_a_rare_one_does_not() throws IOException {
        assertTrue(MatchesAndPage.matchesMuch(searcher, query("\"依申请公开\"")));
        assertFalse(MatchesAndPage.matchesMuch(searcher, query("\"朋友圈\"")));
        assertFalse(MatchesAndPage.matchesMuch(searcher, query("\"依申请公开\" id:" + "no-such-report")));
    }

    private static List<Integer> ids(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(d -> d.doc).toList();
    }
}
