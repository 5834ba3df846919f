package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.TableLayout;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.report.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the project's parser read a generated report as the generator wrote it. A crawled page (cells glued) need
 * not give every figure: a glued run the template's arithmetic cannot split stays absent; but its metadata must be
 * right and no figure may be wrong. {@link #figures} counts how many figures came back exact, absent or wrong.
 */
public final class ParseAgreement {

    private ParseAgreement() {
    }

    /** How the generated figures of some reports came back. */
    public record FigureCounts(long exact, long absent, long wrong) {
        public static final FigureCounts NONE = new FigureCounts(0, 0, 0);

        public FigureCounts plus(FigureCounts o) {
            return new FigureCounts(exact + o.exact, absent + o.absent, wrong + o.wrong);
        }

        public long printed() {
            return exact + absent + wrong;
        }
    }

    public static boolean agrees(SyntheticReport expected, Report parsed) {
        return differences(expected, parsed).isEmpty();
    }

    /**
     * Each disagreement as "field: expected … got …" (empty when the parse is right). A crawled page may leave
     * figures absent (and so the checks over them unknown); every other layout must give every figure and check.
     */
    public static List<String> differences(SyntheticReport expected, Report parsed) {
        boolean crawled = expected.layout() == TableLayout.CRAWLED;
        List<String> out = metadataDifferences(expected, parsed);
        if (!crawled) {
            check(out, "failedChecks", new HashSet<>(expected.failedChecks()), new HashSet<>(parsed.failedChecks()));
        }
        out.addAll(figureDifferences(expected, parsed, crawled));
        return out;
    }

    /** The generated figures as they came back: exact, absent, or wrong (another value, or one not printed). */
    public static FigureCounts figures(SyntheticReport expected, Report parsed) {
        long exact = 0;
        long absent = 0;
        long wrong = 0;
        for (Map.Entry<String, Number> e : expected.figures().entrySet()) {
            Number g = parsed.figures().get(e.getKey());
            if (g == null) {
                absent++;
            } else if (sameNumber(e.getValue(), g)) {
                exact++;
            } else {
                wrong++;
            }
        }
        for (String id : parsed.figures().keySet()) {
            wrong += expected.figures().containsKey(id) ? 0 : 1;
        }
        return new FigureCounts(exact, absent, wrong);
    }

    private static List<String> metadataDifferences(SyntheticReport expected, Report parsed) {
        List<String> out = new ArrayList<>();
        check(out, "agency", expected.agency(), parsed.agency());
        check(out, "year", expected.year(), parsed.year());
        check(out, "published", expected.published(), parsed.published());
        check(out, "template", expected.template(), parsed.template());
        check(out, "region", expected.region(), parsed.region());
        check(out, "agencyType", expected.agencyType(), parsed.agencyType());
        return out;
    }

    private static List<String> figureDifferences(SyntheticReport expected, Report parsed, boolean absentAllowed) {
        List<String> out = new ArrayList<>();
        Map<String, Number> want = expected.figures();
        Map<String, Number> got = parsed.figures();
        for (Map.Entry<String, Number> e : want.entrySet()) {
            Number g = got.get(e.getKey());
            if (g == null ? !absentAllowed : !sameNumber(e.getValue(), g)) {
                out.add("figures." + e.getKey() + ": expected " + e.getValue() + ", got " + g);
            }
        }
        for (String id : got.keySet()) {
            if (!want.containsKey(id)) {
                out.add("figures." + id + ": not printed, got " + got.get(id));
            }
        }
        return out;
    }

    private static void check(List<String> out, String field, Object expected, Object got) {
        if (!Objects.equals(expected, got)) {
            out.add(field + ": expected " + expected + ", got " + got);
        }
    }

    private static boolean sameNumber(Number a, Number b) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
}
