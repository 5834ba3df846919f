package org.disclosuresearch.bench;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The embedded peer a user might pick instead of disclosure-search: SQLite FTS5 with the trigram tokenizer over the
 * same normalized text, every figure as a column, facets as indexed columns. It answers the benchmark's query mix in
 * SQL as a competent user would write it.
 *
 * <p>The trigram tokenizer cannot look up a phrase of fewer than three characters: {@code MATCH '"盲道"'} silently
 * returns no rows. Such phrases fall back to {@code LIKE '%盲道%'}, a scan of every row; {@link #usesScan} says when.
 */
public final class SqlitePeer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int BATCH = 5_000;
    private static final Map<String, String> FACET_COLUMNS = Map.of("agencyType", "agency_type", "province", "province",
            "city", "city", "county", "county", "year", "year", "template", "template");

    private final Path file;
    private final Connection connection;
    private final List<Figure> figures = FigureCatalog.get().all();
    private PreparedStatement insertReport;
    private PreparedStatement insertText;
    private int pending;

    private SqlitePeer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (or creates) the peer's database file; {@code fresh} deletes an existing one first. */
    public static SqlitePeer open(Path file, boolean fresh) {
        try {
            if (fresh) {
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                // the settings a user tuning SQLite for a read-mostly search database would pick
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA mmap_size=1073741824");
                s.execute("PRAGMA temp_store=MEMORY");
            }
            SqlitePeer peer = new SqlitePeer(file, c);
            peer.createSchema();
            return peer;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open SQLite peer database " + file + ": " + e.getMessage(), e);
        }
    }

    private void createSchema() throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS reports (rowid INTEGER PRIMARY KEY, id TEXT, "
                + "agency TEXT, year INTEGER, province TEXT, city TEXT, county TEXT, agency_type TEXT, template TEXT, "
                + "checks_failed INTEGER");
        for (Figure f : figures) {
            ddl.append(", ").append(column(f.id())).append(f.isDecimal() ? " REAL" : " INTEGER");
        }
        ddl.append(')');
        try (Statement s = connection.createStatement()) {
            s.execute(ddl.toString());
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, tokenize='trigram')");
        }
        connection.setAutoCommit(false);
        StringBuilder insert = new StringBuilder("INSERT OR REPLACE INTO reports VALUES (?,?,?,?,?,?,?,?,?,?");
        insert.append(",?".repeat(figures.size())).append(')');
        insertReport = connection.prepareStatement(insert.toString());
        insertText = connection.prepareStatement("INSERT INTO fts(rowid, text) VALUES (?, ?)");
    }

    /** Adds one parsed report (with its normalized text) under {@code rowid}. */
    public void add(long rowid, Report report) {
        try {
            int p = 1;
            insertReport.setLong(p++, rowid);
            insertReport.setString(p++, report.id());
            insertReport.setString(p++, report.agency());
            if (report.year() == null) {
                insertReport.setNull(p++, java.sql.Types.INTEGER);
            } else {
                insertReport.setInt(p++, report.year());
            }
            insertReport.setString(p++, report.region().province());
            insertReport.setString(p++, report.region().city());
            insertReport.setString(p++, report.region().county());
            insertReport.setString(p++, report.agencyType());
            insertReport.setString(p++, report.template());
            insertReport.setInt(p++, report.failedChecks().isEmpty() ? 0 : 1);
            for (Figure f : figures) {
                Number n = report.figures().get(f.id());
                if (n == null) {
                    insertReport.setNull(p++, f.isDecimal() ? java.sql.Types.REAL : java.sql.Types.INTEGER);
                } else if (n instanceof BigDecimal d) {
                    insertReport.setDouble(p++, d.doubleValue());
                } else {
                    insertReport.setLong(p++, n.longValue());
                }
            }
            insertReport.addBatch();
            insertText.setLong(1, rowid);
            insertText.setString(2, report.text() == null ? "" : report.text());
            insertText.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: cannot add report " + report.id() + ": " + e.getMessage(), e);
        }
    }

    private void flush() throws SQLException {
        insertReport.executeBatch();
        insertText.executeBatch();
        connection.commit();
        pending = 0;
    }

    /** Commits the last batch, builds the facet indexes and merges the FTS5 index into one b-tree. */
    public void finishBuild() {
        try {
            flush();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE INDEX IF NOT EXISTS reports_province ON reports(province)");
                s.execute("CREATE INDEX IF NOT EXISTS reports_agency_type ON reports(agency_type)");
                s.execute("CREATE INDEX IF NOT EXISTS reports_year ON reports(year)");
                s.execute("INSERT INTO fts(fts) VALUES('optimize')");
                connection.commit();
                connection.setAutoCommit(true);
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("ANALYZE");
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: cannot finish the build: " + e.getMessage(), e);
        }
    }

    public long count() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM reports")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: " + e.getMessage(), e);
        }
    }

    /** Bytes on disk: the database file and its write-ahead log. */
    public long sizeOnDisk() {
        long size = 0;
        for (String suffix : List.of("", "-wal")) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                size += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return size;
    }

    /** Whether this text can only be found by scanning every row (fewer than three characters for trigrams). */
    public static boolean usesScan(String text) {
        return text.codePointCount(0, text.length()) < 3;
    }

    /** The answer to a query: total matches and the rowids of the requested page (or aggregate rows). */
    public record Answer(long total, List<Long> rows) {
    }

    public Answer run(BenchQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        String from = q.text().isEmpty() ? " FROM reports r" : " FROM fts JOIN reports r ON r.rowid = fts.rowid";
        try {
            if (q.kind() == BenchQuery.Kind.AGGREGATE) {
                String f = "r." + column(q.figure());
                String sql = "SELECT r.province, count(*), sum(" + f + "), min(" + f + "), max(" + f + "), avg(" + f + ")"
                        + from + where + " GROUP BY r.province";
                List<Long> rows = new ArrayList<>();
                long total = 0;
                try (ResultSet r = query(sql, params)) {
                    while (r.next()) {
                        total += r.getLong(2);
                        rows.add(r.getLong(3));
                    }
                }
                return new Answer(total, rows);
            }
            long total;
            try (ResultSet r = query("SELECT count(*)" + from + where, params)) {
                total = r.next() ? r.getLong(1) : 0;
            }
            boolean match = !q.text().isEmpty() && !usesScan(q.text());
            String order = q.kind() == BenchQuery.Kind.SORT_BY_FIGURE ? " ORDER BY r." + column(q.figure()) + " DESC"
                    : match ? " ORDER BY rank" : " ORDER BY r.rowid";
            String snippet = match ? ", snippet(fts, 0, '<mark>', '</mark>', '…', 16)" : "";
            String sql = "SELECT r.rowid, r.id, r.agency, r.year" + snippet + from + where + order
                    + " LIMIT " + BenchQuery.PAGE_SIZE + " OFFSET " + (q.page() - 1) * BenchQuery.PAGE_SIZE;
            List<Long> rows = new ArrayList<>();
            try (ResultSet r = query(sql, params)) {
                while (r.next()) {
                    rows.add(r.getLong(1));
                    r.getString(match ? 5 : 3); // read what a result list shows
                }
            }
            return new Answer(total, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: query " + q + " failed: " + e.getMessage(), e);
        }
    }

    /** Every rowid whose text contains the phrase, as the peer finds it (MATCH, or LIKE below three characters). */
    public BitSet phraseRows(String phrase) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT fts.rowid FROM fts" + textCondition(phrase, params, " WHERE ");
        BitSet rows = new BitSet();
        try (ResultSet r = query(sql, params)) {
            while (r.next()) {
                rows.set(Math.toIntExact(r.getLong(1)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: phrase " + phrase + " failed: " + e.getMessage(), e);
        }
    }

    private String where(BenchQuery q, List<Object> params) {
        StringBuilder where = new StringBuilder(textCondition(q.text(), params, " WHERE "));
        for (Map.Entry<String, String> facet : q.facets().entrySet()) {
            String column = FACET_COLUMNS.get(facet.getKey());
            if (column == null) {
                throw new IllegalArgumentException("SQLite peer: no column for facet " + facet.getKey());
            }
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("r.").append(column).append(" = ?");
            params.add(column.equals("year") ? (Object) Integer.valueOf(facet.getValue()) : facet.getValue());
        }
        if (q.figure() != null && q.min() != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("r.").append(column(q.figure())).append(" >= ?");
            params.add(q.min());
        }
        return where.toString();
    }

    private static String textCondition(String text, List<Object> params, String prefix) {
        if (text.isEmpty()) {
            return "";
        }
        if (usesScan(text)) {
            params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return prefix + "fts.text LIKE ? ESCAPE '\\'";
        }
        params.add('"' + text.replace("\"", "\"\"") + '"');
        return prefix + "fts MATCH ?";
    }

    private ResultSet query(String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement.executeQuery();
    }

    private static String column(String figureId) {
        if (!IDENTIFIER.matcher(figureId).matches() || !FigureCatalog.get().contains(figureId)) {
            throw new IllegalArgumentException("not a figure id: " + figureId);
        }
        return figureId;
    }

    @Override
    public void close() {
        try {
            if (pending > 0) {
                flush();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite peer: cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
