package org.disclosuresearch.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.ExactPhrase;
import org.disclosuresearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query language: words (AND by default), "quoted phrases" (exact-phrase field), OR, -exclusion, and the field
 * prefixes {@code text:}, {@code agency:}, {@code id:}. The classic parser handles the syntax; the parts it gets
 * wrong for Chinese are built here: a word smartcn cuts into pieces requires all of them (the classic parser ORs
 * them), and also matches wherever it occurs verbatim, so a word search never misses a report that contains it.
 */
final class ReportQueryParser extends QueryParser {

    private static final String PARAMETER = "q";

    /** User prefix → (smartcn field, exact field). */
    private static final Map<String, String[]> PREFIXES = Map.of(
            Fields.TEXT, new String[]{Fields.TEXT, Fields.TEXT_EXACT},
            Fields.AGENCY, new String[]{Fields.AGENCY, Fields.AGENCY_EXACT});

    private ReportQueryParser() {
        super(Fields.TEXT, Analyzers.words());
        setDefaultOperator(Operator.AND);
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(false);
    }

    /** The query for {@code text}; a blank text matches every report. */
    static Query toQuery(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        String classic = toClassicSyntax(text);
        try {
            Query q = new ReportQueryParser().parse(classic);
            return q == null ? new MatchAllDocsQuery() : withPositiveClause(q);
        } catch (ParseException | TokenMgrError e) {
            throw new InvalidRequestException(PARAMETER, "cannot parse query '" + text + "': " + reason(e, classic));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRequestException(PARAMETER, "query '" + text + "' is too complex: " + e.getMessage());
        }
    }

    /**
     * Chinese quotation marks (“…”, ＂…＂) outside an ASCII-quoted phrase quote a phrase like ASCII quotes do
     * (inside one they are just characters); a slash is common in report text (2021/2022) and never meant as the
     * classic parser's /regex/.
     */
    static String toClassicSyntax(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                inQuotes = !inQuotes;
                out.append(c);
            } else if (!inQuotes && (c == '\u201C' || c == '\uFF02') && closingQuote(text, i + 1) > 0) {
                int close = closingQuote(text, i + 1);
                out.append('"');
                for (char p : text.substring(i + 1, close).toCharArray()) {
                    out.append(p == '"' || p == '\\' ? "\\" + p : String.valueOf(p));
                }
                out.append('"');
                i = close;
            } else if (c == '/') {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\u201D' || text.charAt(i) == '\uFF02') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The parser's complaint in words a user can act on: an unclosed quote is named as such (the lexer only says
     * "Lexical error … &lt;EOF&gt;"), and the parser's own "Cannot parse 'query': " prefix is not repeated.
     */
    private static String reason(Throwable e, String classic) {
        if (hasUnclosedQuote(classic)) {
            return "a quoted phrase is not closed (add the closing \")";
        }
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        if (m.contains("Encountered \"<EOF>\"")) {
            return "the query ends too early: a word must follow AND, OR, NOT, -, a field prefix such as agency:, "
                    + "and every opening bracket must be closed";
        }
        if (m.contains("Encountered \" \")\" \")")) {
            return "a closing bracket ) has no opening one";
        }
        if (m.contains("<AND>") || m.contains("<OR>")) {
            return "AND and OR need a word or phrase on each side";
        }
        String prefix = "Cannot parse '" + classic + "': ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static boolean hasUnclosedQuote(String classic) {
        boolean open = false;
        for (int i = 0; i < classic.length(); i++) {
            char c = classic.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = !open;
            }
        }
        return open;
    }

    /** A query of exclusions only ({@code -朋友圈}) means "everything except", not "nothing". */
    private static Query withPositiveClause(Query q) {
        if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                b.add(withPositiveClause(c.getQuery()), c.getOccur());
            }
            return b.build();
        }
        return q;
    }

    private static String[] fieldsOf(String prefix) throws ParseException {
        if (Fields.ID.equals(prefix)) {
            return null;
        }
        String[] fields = PREFIXES.get(prefix);
        if (fields == null) {
            throw new ParseException("unknown field prefix '" + prefix + ":' (known: text:, agency:, id:)");
        }
        return fields;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        String[] fields = fieldsOf(field);
        if (fields == null) {
            return new TermQuery(new Term(Fields.ID, queryText));
        }
        if (quoted) {
            return ExactPhrase.query(fields[1], queryText);
        }
        List<String> pieces = words(fields[0], queryText);
        Query exact = ExactPhrase.query(fields[1], queryText);
        if (pieces.isEmpty()) {
            return exact;
        }
        Query allPieces;
        if (pieces.size() == 1) {
            allPieces = new TermQuery(new Term(fields[0], pieces.get(0)));
        } else {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String piece : pieces) {
                b.add(new TermQuery(new Term(fields[0], piece)), BooleanClause.Occur.MUST);
            }
            allPieces = b.build();
        }
        if (exact == null) {
            return allPieces;
        }
        // the verbatim alternative only widens recall: it is checked only in reports lacking a piece (a phrase check
        // reads positions; a common word's pieces are in nearly every report) and not scored (scoring a phrase
        // counts every occurrence, matching stops at the first one)
        Query verbatimOnly = new BooleanQuery.Builder()
                .add(exact, BooleanClause.Occur.FILTER)
                .add(allPieces, BooleanClause.Occur.MUST_NOT)
                .build();
        return new BooleanQuery.Builder()
                .add(allPieces, BooleanClause.Occur.SHOULD)
                .add(new ConstantScoreQuery(verbatimOnly), BooleanClause.Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return getFieldQuery(field, queryText, true); // a phrase is exact: slop is not offered
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        throw new ParseException("ranges are filters, not query text: use range=ID:MIN..MAX (CLI: --range ID=MIN..MAX)");
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        String[] fields = fieldsOf(field);
        return super.getWildcardQuery(fields == null ? Fields.ID : fields[0], termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        String[] fields = fieldsOf(field);
        return super.getPrefixQuery(fields == null ? Fields.ID : fields[0], termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        String[] fields = fieldsOf(field);
        return super.getFuzzyQuery(fields == null ? Fields.ID : fields[0], termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported");
    }

    /** smartcn's pieces of one whitespace-free chunk, in order. */
    static List<String> words(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = Analyzers.words().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
