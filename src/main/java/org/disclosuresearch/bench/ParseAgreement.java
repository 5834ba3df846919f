package org.disclosuresearch.bench;

import org.disclosuresearch.report.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether the project's parser read a generated report as the generator wrote it. */
public final class ParseAgreement {

    private ParseAgreement() {
    }

    public static boolean agrees(SyntheticReport expected, Report parsed) {
        return differences(expected, parsed).isEmpty();
    }

    /** Each disagreement as "field: expected … got …" (empty when the parse is right). */
    public static List<String> differences(SyntheticReport expected, Report parsed) {
        List<String> out = new ArrayList<>();
        check(out, "agency", expected.agency(), parsed.agency());
        check(out, "year", expected.year(), parsed.year());
        check(out, "published", expected.published(), parsed.published());
        check(out, "template", expected.template(), parsed.template());
        check(out, "region", expected.region(), parsed.region());
        check(out, "agencyType", expected.agencyType(), parsed.agencyType());
        check(out, "failedChecks", new HashSet<>(expected.failedChecks()), new HashSet<>(parsed.failedChecks()));
        Map<String, Number> want = expected.figures();
        Map<String, Number> got = parsed.figures();
        for (Map.Entry<String, Number> e : want.entrySet()) {
            Number g = got.get(e.getKey());
            if (g == null || !sameNumber(e.getValue(), g)) {
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
