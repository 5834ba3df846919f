package org.disclosuresearch.query;

import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.FigureCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query language, parsed once into a {@link QueryNode} tree:
 * <ul>
 *   <li>a run of characters without spaces ({@code 依申请公开}) is searched as that exact string in the default
 *       {@link MatchMode#EXACT}, as its smartcn words in any order in {@link MatchMode#WORDS}; runs separated by
 *       spaces must all occur ({@code AND} may be written between them);</li>
 *   <li>{@code "…"}, {@code “…”}, {@code ＂…＂}, {@code 「…」} and {@code 『…』} quote an exact phrase (spaces kept as
 *       one space; other quotation marks inside are characters of the phrase);</li>
 *   <li>{@code A OR B} (binds tighter than the implicit AND: {@code A OR B C} is (A or B) and C), {@code -A} or
 *       {@code NOT A} excludes, ASCII brackets {@code ( )} group;</li>
 *   <li>prefixes {@code text:} (the report's text, the default), {@code agency:} (the agency's name), {@code id:}
 *       (a report id), and figure ranges {@code FIGURE:MIN..MAX}, {@code FIGURE:MIN..}, {@code FIGURE:..MAX},
 *       {@code FIGURE:N} on any figure id of the catalogue or {@code year}.</li>
 * </ul>
 * Wildcards ({@code * ?}), fuzzy ({@code ~}), boosts ({@code ^}) and bracketed ranges are refused with a message
 * saying why: every search here is already a substring search, and a silent empty result would mislead.
 */
public final class QueryLanguage {

    /** Longest query the parser reads (the API may set a lower limit). */
    public static final int MAX_LENGTH = 500;
    /** Most words, phrases and ranges a query may hold: every one is a clause on every searched report. */
    public static final int MAX_TERMS = 32;
    private static final int MAX_DEPTH = 8;

    private static final Map<Integer, Integer> QUOTES = Map.of(
            (int) '"', (int) '"', 0x201C, 0x201D, 0xFF02, 0xFF02, 0x300C, 0x300D, 0x300E, 0x300F);
    private static final String STRAY_CLOSERS = "\u201D\u300D\u300F";

    private final MatchMode mode;
    private final WordSegmenter segmenter;
    private final List<Token> tokens;
    private int next;
    private int terms;
    private int depth;

    private QueryLanguage(String input, MatchMode mode, WordSegmenter segmenter) {
        this.mode = mode;
        this.segmenter = segmenter;
        this.tokens = new Lexer(input).tokens();
    }

    /**
     * Parses {@code query}; a blank query is {@link QueryNode.Everything}.
     *
     * @throws QueryException what is wrong, in plain Chinese
     */
    public static QueryNode parse(String query, MatchMode mode, WordSegmenter segmenter) {
        if (query == null || query.isBlank()) {
            return new QueryNode.Everything();
        }
        requireLength(query, MAX_LENGTH);
        QueryLanguage p = new QueryLanguage(query, mode == null ? MatchMode.EXACT : mode, segmenter);
        QueryNode tree = p.sequence(null);
        if (p.next < p.tokens.size()) {
            Token t = p.tokens.get(p.next);
            throw unsupported(t.type == Type.RPAREN ? "右括号 ) 前面没有对应的左括号 (。"
                    : "无法理解“" + t.text + "”。");
        }
        return tree == null ? new QueryNode.Everything() : tree;
    }

    /** Refuses a query longer than {@code max} characters (the API's limit may be lower than {@link #MAX_LENGTH}). */
    public static void requireLength(String query, int max) {
        if (query != null && query.length() > max) {
            throw new QueryException(QueryException.Code.QUERY_TOO_LONG, "查询太长：" + query.length()
                    + " 个字符，最多 " + max + " 个。请删去一些词语。");
        }
    }

    // ------------------------------------------------------------------ grammar

    /** sequence := orGroup ((AND)? orGroup)* — ends at a closing bracket or the end. */
    private QueryNode sequence(Scope scope) {
        if (++depth > MAX_DEPTH) {
            throw new QueryException(QueryException.Code.QUERY_TOO_LONG, "括号套得太深（最多 " + MAX_DEPTH + " 层）。");
        }
        List<QueryNode> all = new ArrayList<>();
        while (next < tokens.size() && peek().type != Type.RPAREN) {
            if (peek().type == Type.AND) {
                if (all.isEmpty()) {
                    throw unsupported("AND 前面要有要搜的词，如：依申请公开 AND 朋友圈。");
                }
                next++;
                if (next >= tokens.size() || peek().type == Type.RPAREN || peek().type == Type.OR
                        || peek().type == Type.AND) {
                    throw unsupported("AND 后面要有要搜的词，如：依申请公开 AND 朋友圈。");
                }
            }
            add(all, orGroup(scope));
        }
        depth--;
        if (all.isEmpty()) {
            return null;
        }
        return all.size() == 1 ? all.get(0) : new QueryNode.All(all);
    }

    /** orGroup := unary (OR unary)* */
    private QueryNode orGroup(Scope scope) {
        if (peek().type == Type.OR) {
            throw unsupported("OR 两边都要有要搜的词，如：朋友圈 OR 微信群。");
        }
        List<QueryNode> any = new ArrayList<>();
        add(any, unary(scope));
        while (next < tokens.size() && peek().type == Type.OR) {
            next++;
            if (next >= tokens.size() || peek().type == Type.RPAREN || peek().type == Type.OR
                    || peek().type == Type.AND) {
                throw unsupported("OR 两边都要有要搜的词，如：朋友圈 OR 微信群。");
            }
            add(any, unary(scope));
        }
        if (any.isEmpty()) {
            return null;
        }
        return any.size() == 1 ? any.get(0) : new QueryNode.Any(any);
    }

    /** unary := (- | NOT) unary | primary */
    private QueryNode unary(Scope scope) {
        Token t = peek();
        if (t.type == Type.NOT) {
            next++;
            if (next >= tokens.size() || peek().type == Type.RPAREN || peek().type == Type.OR
                    || peek().type == Type.AND || peek().type == Type.NOT) {
                throw unsupported("排除号 - 或 NOT 后面要紧跟要排除的词，如：-朋友圈。");
            }
            QueryNode child = unary(scope);
            return child == null ? null : new QueryNode.Not(child);
        }
        return primary(scope);
    }

    /** primary := ( sequence ) | PREFIX value | PHRASE | WORD */
    private QueryNode primary(Scope scope) {
        Token t = tokens.get(next++);
        switch (t.type) {
            case LPAREN -> {
                QueryNode inner = sequence(scope);
                if (next >= tokens.size() || peek().type != Type.RPAREN) {
                    throw unsupported("括号没有配对：左括号 ( 缺少对应的右括号 )。");
                }
                next++;
                if (inner == null) {
                    throw unsupported("括号 ( ) 里没有要搜的词。");
                }
                return inner;
            }
            case PREFIX -> {
                if (scope != null) {
                    throw unsupported("前缀“" + t.text + ":”不能放在另一个前缀“" + scope.name + ":”里面。");
                }
                return prefixed(t);
            }
            case PHRASE -> {
                return leaf(scope, t.text, true);
            }
            case WORD -> {
                return leaf(scope, t.text, false);
            }
            default -> throw unsupported("无法理解“" + t.text + "”。");
        }
    }

    private QueryNode prefixed(Token prefix) {
        if (next >= tokens.size() || tokens.get(next).adjacentTo != prefix) {
            throw unsupported("前缀“" + prefix.text + ":”后面要紧跟要搜的内容（不留空格），如：agency:卫生健康局。");
        }
        String name = prefix.text;
        Scope scope = Scope.of(name);
        if (scope != null) {
            return primary(scope);
        }
        Token value = tokens.get(next);
        if (isRangeField(name)) {
            if (value.type != Type.WORD) {
                throw unsupported("“" + name + ":”后面要写数字范围，如：" + name + ":1000..（至少 1000）、" + name
                        + ":..10（至多 10）、" + name + ":10..100。");
            }
            next++;
            return range(name, value.text);
        }
        if (value.type == Type.WORD && looksLikeBounds(value.text)) {
            List<String> close = FigureCatalog.get().closest(name, "year");
            throw new QueryException(QueryException.Code.UNKNOWN_FIGURE, "没有叫“" + name + "”的指标"
                    + (close.isEmpty() ? "" : "，是不是要找 " + String.join("、", close) + "？")
                    + "（指标列表见 fields 命令或 /api/fields）");
        }
        throw unsupported("不认识的前缀“" + name + ":”。可用的前缀：text:（正文）、agency:（机关名称）、id:（报告编号），"
                + "以及 指标:最小..最大（如 penalties:1000..）。要搜冒号本身，请把它放进引号。");
    }

    private static boolean isRangeField(String name) {
        return "year".equals(name) || FigureCatalog.get().contains(name);
    }

    private static boolean looksLikeBounds(String text) {
        return text.matches("[-+0-9.]*[0-9][-+0-9.]*");
    }

    private QueryNode range(String field, String bounds) {
        String b = bounds.strip();
        int dots = b.indexOf("..");
        Double min;
        Double max;
        if (dots < 0) {
            min = number(field, b, bounds);
            max = min;
        } else {
            if (b.indexOf("..", dots + 2) >= 0) {
                throw badRange(field, bounds);
            }
            min = b.substring(0, dots).isBlank() ? null : number(field, b.substring(0, dots), bounds);
            max = b.substring(dots + 2).isBlank() ? null : number(field, b.substring(dots + 2), bounds);
        }
        if (min == null && max == null) {
            throw badRange(field, bounds);
        }
        if (min != null && max != null && min > max) {
            throw unsupported("范围“" + field + ":" + bounds + "”的下限大于上限。");
        }
        count();
        return new QueryNode.FigureRange(field, min, max);
    }

    private static Double number(String field, String text, String bounds) {
        try {
            double v = new BigDecimal(text.strip()).doubleValue();
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw badRange(field, bounds);
        }
    }

    private static QueryException badRange(String field, String bounds) {
        return unsupported("看不懂范围“" + field + ":" + bounds + "”。请写成 " + field + ":最小..最大，如 " + field
                + ":1000..（至少 1000）、" + field + ":..10（至多 10）、" + field + ":10..100 或 " + field + ":5。");
    }

    private QueryNode leaf(Scope scope, String raw, boolean quoted) {
        if (scope == Scope.ID) {
            count();
            return new QueryNode.Id(raw.strip());
        }
        String text = Normalizer.normalize(raw);
        if (text.isEmpty()) {
            return null; // "" or “ ” hold nothing to search
        }
        count();
        List<String> words = segmenter.words(text);
        boolean exact = quoted || mode == MatchMode.EXACT || words.isEmpty();
        return new QueryNode.Text(scope == Scope.AGENCY ? QueryNode.TextField.AGENCY : QueryNode.TextField.TEXT,
                text, exact, words);
    }

    private void count() {
        if (++terms > MAX_TERMS) {
            throw new QueryException(QueryException.Code.QUERY_TOO_LONG, "查询里的词语太多：最多 " + MAX_TERMS
                    + " 个词语、短语或范围。请删去一些。");
        }
    }

    private static void add(List<QueryNode> to, QueryNode node) {
        if (node != null) {
            to.add(node);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    static QueryException unsupported(String message) {
        return new QueryException(QueryException.Code.UNSUPPORTED_SYNTAX, message);
    }

    /** The field a prefix restricts its value to. */
    private enum Scope {
        TEXT("text"), AGENCY("agency"), ID("id");

        final String name;

        Scope(String name) {
            this.name = name;
        }

        static Scope of(String name) {
            for (Scope s : values()) {
                if (s.name.equals(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ lexer

    private enum Type { WORD, PHRASE, PREFIX, LPAREN, RPAREN, OR, AND, NOT }

    /** @param adjacentTo the prefix token this one follows without a space, or null */
    private record Token(Type type, String text, Token adjacentTo) {
    }

    /**
     * Cuts the query into words, phrases, operators and brackets. ASCII brackets group only at the edges of a word
     * ({@code (A OR B)}); inside one ({@code 第(一)项}) and full-width （） they are characters of the text.
     */
    private static final class Lexer {
        private final String s;
        private final List<Token> out = new ArrayList<>();
        private int i;
        private int open; // brackets opened and not yet closed
        private Token prefix; // the prefix the next token follows without a space

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (Normalizer.isWhiteSpace(c)) {
                    i += Character.charCount(c);
                    prefix = null;
                } else if (c == '(') {
                    emit(Type.LPAREN, "(");
                    open++;
                    i++;
                } else if (c == ')' && open > 0) {
                    emit(Type.RPAREN, ")");
                    open--;
                    i++;
                } else if (c == '-' && prefix == null && i + 1 < s.length()
                        && !Normalizer.isWhiteSpace(s.codePointAt(i + 1))) {
                    emit(Type.NOT, "-");
                    i++;
                } else if (QUOTES.containsKey(c)) {
                    phrase(c);
                } else if (STRAY_CLOSERS.indexOf(c) >= 0) {
                    throw new QueryException(QueryException.Code.UNBALANCED_QUOTE, "引号没有配对：“"
                            + new String(Character.toChars(c)) + "”前面缺少对应的左引号。" + quoteHint());
                } else if (c == '[' || c == '{') {
                    throw unsupported("不支持方括号或花括号写的范围。数字范围请写成 指标:最小..最大，如 penalties:1000..；"
                            + "要搜括号本身，请把它放进引号。");
                } else if (prefix == null && prefixLength() > 0) {
                    int n = prefixLength();
                    Token p = emit(Type.PREFIX, s.substring(i, i + n - 1));
                    i += n;
                    prefix = p;
                } else {
                    word();
                }
            }
            return out;
        }

        private Token emit(Type type, String text) {
            Token t = new Token(type, text, prefix);
            out.add(t);
            if (type != Type.PREFIX && type != Type.LPAREN && type != Type.NOT) {
                prefix = null;
            }
            return t;
        }

        /** Length of {@code name:} at {@link #i} (ASCII name, ASCII or full-width colon), or 0. */
        private int prefixLength() {
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')
                    && s.charAt(j) < 128) {
                j++;
            }
            boolean named = j > i && !Character.isDigit(s.charAt(i));
            return named && j < s.length() && (s.charAt(j) == ':' || s.charAt(j) == '\uFF1A') ? j + 1 - i : 0;
        }

        private void phrase(int opener) {
            int closer = QUOTES.get(opener);
            int start = i + Character.charCount(opener);
            int end = s.indexOf(new String(Character.toChars(closer)), start);
            if (end < 0) {
                throw new QueryException(QueryException.Code.UNBALANCED_QUOTE, "引号没有配对："
                        + new String(Character.toChars(opener)) + s.substring(start) + " 缺少右引号 "
                        + new String(Character.toChars(closer)) + "。" + quoteHint());
            }
            emit(Type.PHRASE, s.substring(start, end));
            i = end + Character.charCount(closer);
        }

        private void word() {
            StringBuilder w = new StringBuilder();
            boolean escaped = false;
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (Normalizer.isWhiteSpace(c) || QUOTES.containsKey(c)) {
                    break;
                }
                if (c == ')' && open > 0) {
                    break;
                }
                if (STRAY_CLOSERS.indexOf(c) >= 0) {
                    throw new QueryException(QueryException.Code.UNBALANCED_QUOTE, "引号没有配对：“"
                            + new String(Character.toChars(c)) + "”前面缺少对应的左引号。" + quoteHint());
                }
                if (c == '\\' && i + 1 < s.length()) {
                    int e = s.codePointAt(i + 1);
                    w.appendCodePoint(e);
                    escaped = true;
                    i += 1 + Character.charCount(e);
                    continue;
                }
                refuseOperatorCharacter(c);
                w.appendCodePoint(c);
                i += Character.charCount(c);
            }
            String text = w.toString();
            if (!escaped && prefix == null) {
                switch (text) {
                    case "OR", "||" -> {
                        emit(Type.OR, text);
                        return;
                    }
                    case "AND", "&&" -> {
                        emit(Type.AND, text);
                        return;
                    }
                    case "NOT" -> {
                        emit(Type.NOT, text);
                        return;
                    }
                    default -> {
                    }
                }
            }
            emit(Type.WORD, text);
        }

        private static void refuseOperatorCharacter(int c) {
            switch (c) {
                case '*', '?' -> throw unsupported("不支持通配符 " + (char) c + "。这里的搜索本来就按原文的连续字串查找："
                        + "搜“依申请”已能找到含“依申请公开”“依申请办理”的报告，去掉 " + (char) c
                        + " 即可；要搜这个符号本身，请把它放进引号。");
                case '~' -> throw unsupported("不支持模糊匹配 ~。请直接写要找的字串，或用 match=words（按词匹配）"
                        + "找词序不同的说法；要搜 ~ 本身，请把它放进引号。");
                case '^' -> throw unsupported("不支持权重 ^。要搜 ^ 本身，请把它放进引号。");
                default -> {
                }
            }
        }

        private static String quoteHint() {
            return "短语请用成对的引号，如 \"依申请公开\"、“依申请公开”或「依申请公开」。";
        }
    }
}
