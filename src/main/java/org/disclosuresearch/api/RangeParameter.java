package org.disclosuresearch.api;

import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.RangeFilter;

/** Parses {@code range=FIGURE:MIN..MAX} (either bound may be left out) into a {@link RangeFilter}. */
final class RangeParameter {
    private RangeParameter() {
    }

    static RangeFilter parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        int colon = text.indexOf(':');
        int dots = text.indexOf("..", Math.max(colon, 0));
        if (colon <= 0 || dots < 0) {
            throw malformed(raw);
        }
        String field = text.substring(0, colon).strip();
        if (!field.equals("year")) {
            SearchParameters.requireFigure("range", field);
        }
        Double min = bound(text.substring(colon + 1, dots), raw);
        Double max = bound(text.substring(dots + 2), raw);
        if (min == null && max == null) {
            throw malformed(raw);
        }
        if (min != null && max != null && min > max) {
            throw new InvalidRequestException("range", "range '" + raw + "' has its minimum above its maximum");
        }
        return new RangeFilter(field, min, max);
    }

    private static Double bound(String s, String raw) {
        if (s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw malformed(raw);
            }
            return d;
        } catch (NumberFormatException e) {
            throw malformed(raw);
        }
    }

    private static InvalidRequestException malformed(String raw) {
        return new InvalidRequestException("range", "range must look like FIGURE:MIN..MAX (either bound may be "
                + "left out, e.g. penalties:1000..), got '" + raw + "'");
    }
}
