package org.disclosuresearch.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A {@link SortSpec} as a Lucene sort (ties broken by report id, so paging is stable), and the opaque cursor of
 * deep paging: the sort values of the last hit of a page, for searchAfter (no cost growing with the page number).
 */
final class SortAndCursor {
    private SortAndCursor() {
    }

    private static final String PARAMETER = "cursor";
    private static final String SEP = "\u001f";

    static Sort sort(SortSpec spec) {
        SortField byId = new SortField(Fields.ID, SortField.Type.STRING);
        if (spec.isRelevance()) {
            return new Sort(SortField.FIELD_SCORE, byId);
        }
        SortField field;
        if (SortSpec.YEAR.equals(spec.field())) {
            field = new SortField(Fields.YEAR, SortField.Type.INT, spec.descending()); // an int point, too
            field.setMissingValue(spec.descending() ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        } else {
            Figure figure = FigureCatalog.get().require(spec.field());
            if (figure.isDecimal()) {
                field = new SortField(figure.id(), SortField.Type.DOUBLE, spec.descending());
                field.setMissingValue(spec.descending() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            } else {
                field = new SortField(figure.id(), SortField.Type.LONG, spec.descending());
                field.setMissingValue(spec.descending() ? Long.MIN_VALUE : Long.MAX_VALUE);
            }
        }
        return new Sort(field, byId);
    }

    /** The cursor after {@code last}: the sort spec and the hit's sort values. */
    static String encode(SortSpec spec, FieldDoc last) {
        List<String> parts = new ArrayList<>();
        parts.add(spec.toString());
        for (Object v : last.fields) {
            parts.add(v instanceof BytesRef b ? "s" + b.utf8ToString() : "n" + v);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEP, parts).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSortSpec(String text) {
        try {
            return SortSpec.parse(text).toString().equals(text);
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    /**
     * The FieldDoc to search after, or null for the first page; a cursor of another sort is an error. Sort values
     * end with the unique report id, so the doc id only has to be a valid one ({@code maxDoc - 1}).
     */
    static FieldDoc decode(SortSpec spec, String cursor, int maxDoc) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(SEP, -1);
            if (!parts[0].equals(spec.toString())) {
                if (!isSortSpec(parts[0])) {
                    throw new IllegalArgumentException("not a cursor"); // garbage must not be echoed as a sort
                }
                throw new InvalidRequestException(PARAMETER,
                        "this cursor belongs to sort " + parts[0] + ", not " + spec + "; start again without cursor");
            }
            SortField[] fields = sort(spec).getSort();
            if (parts.length != fields.length + 1) {
                throw new IllegalArgumentException("wrong number of values");
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String p = parts[i + 1];
                String body = p.substring(1);
                values[i] = switch (fields[i].getType()) {
                    case SCORE -> Float.parseFloat(body);
                    case INT -> Integer.parseInt(body);
                    case LONG -> Long.parseLong(body);
                    case DOUBLE -> Double.parseDouble(body);
                    case STRING -> new BytesRef(body);
                    default -> throw new IllegalArgumentException("unexpected sort type");
                };
            }
            return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, values);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(PARAMETER, "malformed cursor '" + cursor + "'; use nextCursor as given");
        }
    }
}
