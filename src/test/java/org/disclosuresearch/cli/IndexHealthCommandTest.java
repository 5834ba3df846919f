package org.disclosuresearch.cli;

import org.disclosuresearch.index.IndexDamage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.disclosuresearch.cli.IndexAndSearchCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code index --check} names a damaged index's reports, {@code index} refuses it plainly, {@code --rebuild} fixes it. */
class IndexHealthCommandTest {

    @Test
    void checkNamesTheDamageAndRebuildRepairsIt(@TempDir Path dir) throws Exception {
        Path docs = IndexAndSearchCommandTest.seeds(dir);
        Path index = dir.resolve("index");
        assertEquals(0, run("index", "--docs", docs.toString(), "--index", index.toString()).code());
        IndexAndSearchCommandTest.Run healthy = run("index", "--check", "--index", index.toString());
        assertEquals(0, healthy.code(), healthy.err());
        assertTrue(healthy.out().contains("is healthy: 5 reports"), healthy.out());

        IndexDamage.corruptStoredFields(index);
        IndexAndSearchCommandTest.Run check = run("index", "--check", "--index", index.toString());
        assertEquals(1, check.code(), check.out() + check.err());
        assertTrue(check.err().contains("is damaged: 1 segment(s) failed verification"), check.err());
        assertTrue(check.err().contains("report(s) cannot be read back: 00"), check.err());
        assertTrue(check.err().contains("index --rebuild --docs DIR"), check.err());

        IndexAndSearchCommandTest.Run again = run("index", "--docs", docs.toString(), "--index", index.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().strip().startsWith("index: index " + index + " is damaged"), again.err());
        assertFalse(again.err().contains("Invalid vLong"), again.err());
        assertFalse(again.err().contains("stays usable"), again.err());

        // serve with --docs refuses to update a damaged index, with the same message; without --docs it warns and
        // names the damaged reports (here it then stops at the taken port, before serving)
        IndexAndSearchCommandTest.Run serveDocs = run("serve", "--docs", docs.toString(), "--index",
                index.toString(), "--port", "0");
        assertEquals(2, serveDocs.code());
        assertTrue(serveDocs.err().contains("serve: index " + index + " is damaged"), serveDocs.err());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IndexAndSearchCommandTest.Run serve = run("serve", "--index", index.toString(), "--port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(2, serve.code());
            assertTrue(serve.err().contains("serve: WARNING index " + index + " is damaged"), serve.err());
            assertTrue(serve.err().contains("report(s) cannot be read back: 00"), serve.err());
        }

        IndexAndSearchCommandTest.Run rebuild = run("index", "--rebuild", "--docs", docs.toString(), "--index",
                index.toString());
        assertEquals(0, rebuild.code(), rebuild.err());
        assertTrue(rebuild.out().startsWith("indexed 5, unchanged 0"), rebuild.out());
        assertEquals(0, run("index", "--check", "--index", index.toString()).code());
    }
}
