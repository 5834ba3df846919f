package org.disclosuresearch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusFilesTest {

    @TempDir
    Path root;

    private Path copy(String fixture, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        return Files.copy(FormatFixtures.file(fixture), to);
    }

    @Test
    void mixedFormatsRecursivelyWithoutSidecarsOrHiddenFiles() throws Exception {
        Path docx = copy(FormatFixtures.NAME + ".docx", root.resolve("2021/a.docx"));
        Path pdf = copy(FormatFixtures.NAME + ".pdf", root.resolve("2021/deep/b.pdf"));
        Path html = copy(FormatFixtures.NAME + ".html", root.resolve("c.html"));
        Files.writeString(root.resolve("2021/deep/b.pdf.json"), "{\"url\":\"https://x.gov.cn/b.pdf\"}");
        Files.writeString(root.resolve(".DS_Store"), "x");
        copy(FormatFixtures.NAME + ".doc", root.resolve(".cache/d.doc"));
        CorpusFiles.Listing listing = CorpusFiles.scan(List.of(root));
        assertEquals(List.of(docx, pdf, html), listing.files());
        assertTrue(listing.skipped().isEmpty(), listing.skipped().toString());
        for (CorpusFiles.Found found : listing.found()) { // the walk's attributes, so that callers need not stat again
            assertEquals(Files.size(found.path()), found.attributes().size(), found.path().toString());
            assertEquals(Files.getLastModifiedTime(found.path()), found.attributes().lastModifiedTime());
        }
        assertEquals(null, CorpusFiles.scan(List.of(html)).found().get(0).attributes(), "a file named directly");
    }

    @Test
    void symlinkLoopIsNotFollowedRoundAndSaysSo() throws Exception {
        Path report = copy(FormatFixtures.NAME + ".docx", root.resolve("agency/report.docx"));
        Path loop = Files.createSymbolicLink(root.resolve("agency/loop"), root);
        CorpusFiles.Listing listing = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> CorpusFiles.scan(List.of(root)));
        assertEquals(List.of(report), listing.files());
        assertEquals(1, listing.skipped().size(), listing.skipped().toString());
        assertTrue(listing.skipped().get(0).startsWith(loop + ": symlink loop"), listing.skipped().get(0));
    }

    @Test
    void withFollowLinksALinkedFolderIsWalkedAndAFileReachedTwiceIsListedOnce() throws Exception {
        Path outside = Files.createDirectories(root.resolve("archive"));
        Path report = copy(FormatFixtures.NAME + ".pdf", outside.resolve("r.pdf"));
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Path linked = Files.createSymbolicLink(corpus.resolve("linked"), outside);
        Files.createSymbolicLink(corpus.resolve("again"), outside);
        CorpusFiles.Listing listing = CorpusFiles.scan(List.of(corpus), java.util.Set.of(), true);
        assertEquals(1, listing.files().size(), listing.files().toString());
        assertTrue(listing.files().get(0).endsWith("r.pdf"));
        assertEquals(report.toRealPath(), listing.files().get(0).toRealPath());
        assertEquals(1, listing.skipped().size());
        assertTrue(listing.skipped().get(0).contains("same file"), listing.skipped().get(0));
        assertTrue(linked.toString().length() > 0);
    }

    /** Links that lead out of the folder are not followed by default; links inside it are. */
    @Test
    void linksOutOfTheFolderAreNotFollowedUnlessAsked() throws Exception {
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        copy(FormatFixtures.NAME + ".pdf", outside.resolve("secret.pdf"));
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Path inside = copy(FormatFixtures.NAME + ".docx", corpus.resolve("real/r.docx"));
        Path folderLink = Files.createSymbolicLink(corpus.resolve("linked"), outside);
        Path fileLink = Files.createSymbolicLink(corpus.resolve("one.pdf"), outside.resolve("secret.pdf"));
        Path innerLink = Files.createSymbolicLink(corpus.resolve("inner"), corpus.resolve("real"));
        CorpusFiles.Listing listing = CorpusFiles.scan(List.of(corpus));
        assertEquals(List.of(inside), listing.files(), listing.toString());
        assertTrue(listing.skipped().contains(folderLink + ": skipped, a symbolic link that leads out of the docs "
                + "folder (--follow-links follows it)"), listing.skipped().toString());
        assertTrue(listing.skipped().stream().anyMatch(s -> s.startsWith(fileLink + ": skipped, a symbolic link")),
                listing.skipped().toString());
        assertTrue(listing.skipped().stream().anyMatch(s -> s.startsWith(innerLink.resolve("r.docx")
                + ": skipped, the same file")), listing.skipped().toString());
        // followed: the outside file is listed (once: the folder link and the file link lead to the same file)
        List<Path> followed = CorpusFiles.scan(List.of(corpus), java.util.Set.of(), true).files();
        assertEquals(2, followed.size(), followed.toString());
        assertTrue(followed.stream().anyMatch(p -> p.getFileName().toString().equals("secret.pdf")
                || p.getFileName().toString().equals("one.pdf")), followed.toString());
    }

    @Test
    void excludedFoldersAndFilesOfOtherTypesAreLeftOut() throws Exception {
        Path report = copy(FormatFixtures.NAME + ".pdf", root.resolve("a/report.PDF"));
        Path download = copy(FormatFixtures.NAME + ".docx", root.resolve("a/download"));
        Path index = Files.createDirectories(root.resolve("index"));
        Files.writeString(index.resolve("write.lock"), "");
        Files.writeString(index.resolve("segments_1"), "lucene");
        Files.writeString(index.resolve("_0.cfs"), "lucene");
        Files.writeString(root.resolve("a/photo.jpg"), "jpeg");
        CorpusFiles.Listing listing = CorpusFiles.scan(List.of(root), java.util.Set.of(root.resolve("./index")));
        assertEquals(List.of(download, report), listing.files());
        assertEquals(1, listing.skipped().size(), listing.skipped().toString());
        assertTrue(listing.skipped().get(0).startsWith(root.resolve("a/photo.jpg") + ": skipped, not a report file "
                + "type (.jpg;"), listing.skipped().get(0));
        // the same folder without the exclusion: its extensionless files would be read as reports
        assertTrue(CorpusFiles.scan(List.of(root)).files().contains(index.resolve("segments_1")));
    }

    @Test
    void aFileNamedDirectlyIsKeptAsGiven() throws Exception {
        Path sidecar = Files.writeString(root.resolve("x.pdf.json"), "{}");
        assertEquals(List.of(sidecar), CorpusFiles.list(List.of(sidecar)));
    }
}
