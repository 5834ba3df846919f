package org.disclosuresearch.index;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The text a page's snippets and the report view read: back exactly as indexed from its own doc value, from the
 * stored field in an index written before the doc value existed, and a value of another version is an error.
 */
class ReportTextsTest {

    @TempDir
    Path dir;

    @Test
    void the_text_comes_back_exactly_from_a_new_document_and_from_an_older_index() throws IOException {
        String text = "本机关2021年收到依申请公开<申请>共 12 件 & “全部公开”。\n".repeat(300) + "𠀀末尾";
        try (FSDirectory d = FSDirectory.open(dir.resolve("new"))) {
            try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField()))) {
                w.addDocument(ReportDocuments.toDocument(Report.builder().id("new").year(2021).text(text).build(), null));
                Document none = new Document(); // a document of the segment without a text value
                none.add(new StringField(Fields.ID, "none", Field.Store.YES));
                none.add(new SortedDocValuesField(Fields.ID, new BytesRef("none")));
                w.addDocument(none);
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertEquals(Normalizer.normalize(text), ReportTexts.of(r, 0)); // the document holds the normalized text
                assertNull(ReportTexts.of(r, 1));
            }
        }
        try (FSDirectory d = FSDirectory.open(dir.resolve("old"))) {
            try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField()))) {
                Document old = new Document(); // the layout before the text value: the text stored with its words
                old.add(new StringField(Fields.ID, "old", Field.Store.YES));
                FieldType storedWords = new FieldType(TextField.TYPE_STORED);
                storedWords.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
                old.add(new Field(Fields.TEXT, "旧的正文", storedWords));
                w.addDocument(old);
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertEquals("旧的正文", ReportTexts.of(r, 0));
            }
        }
    }

    @Test
    void a_value_of_another_version_is_an_error() throws IOException {
        BytesRef value = ReportTexts.encode("依申请公开");
        assertEquals("依申请公开", ReportTexts.decode(value));
        value.bytes[value.offset] = 99;
        assertThrows(IOException.class, () -> ReportTexts.decode(value));
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField()))) {
            Document doc = new Document();
            doc.add(new BinaryDocValuesField(Fields.TEXT_VALUE, value));
            w.addDocument(doc);
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertThrows(IOException.class, () -> ReportTexts.of(r, 0));
            }
        }
    }
}
