package org.disclosuresearch.search;

import org.disclosuresearch.report.FigureCatalog;

import java.math.BigDecimal;

/**
 * A closed or open numeric range on a figure id (or {@code year}); a null bound is open. Bounds are inclusive.
 * The one parser of the range syntax {@code MIN..MAX}, {@code MIN..}, {@code ..MAX} (and a single value {@code N}),
 * shared by the CLI ({@code --range penalties=1000..}) and the API ({@code range=penalties:1000..}).
 */
public record RangeFilter(String field, Double min, Double max) {

    public static final String YEAR = "year";
    private static final String PARAMETER = "range";

    public RangeFilter {
        requireKnownField(field);
        if (min == null && max == null) {
            throw new InvalidRequestException(PARAMETER, "range on '" + field + "' needs at least one bound");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidRequestException(PARAMETER,
                    "range on '" + field + "' has its minimum " + min + " above its maximum " + max);
        }
    }

    /** Parses {@code ID=BOUNDS} or {@code ID:BOUNDS}, e.g. {@code penalties=1000..} or {@code year:2020..2021}. */
    public static RangeFilter parse(String spec) {
        if (spec == null) {
            throw new InvalidRequestException(PARAMETER, "missing range, expected ID=MIN..MAX");
        }
        int eq = spec.indexOf('=');
        int colon = spec.indexOf(':');
        int cut = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
        if (cut <= 0) {
            throw new InvalidRequestException(PARAMETER,
                    "malformed range '" + spec + "', expected ID=MIN..MAX, ID=MIN.. or ID=..MAX");
        }
        return parse(spec.substring(0, cut).trim(), spec.substring(cut + 1));
    }

    /** Parses the bounds {@code MIN..MAX}, {@code MIN..}, {@code ..MAX} or {@code N} of a range on {@code field}. */
    public static RangeFilter parse(String field, String bounds) {
        requireKnownField(field);
        String b = bounds == null ? "" : bounds.trim();
        int dots = b.indexOf("..");
        if (dots < 0) {
            Double value = number(field, b, bounds);
            if (value == null) {
                throw new InvalidRequestException(PARAMETER, "malformed range '" + bounds + "' on '" + field
                        + "', expected MIN..MAX, MIN.. or ..MAX");
            }
            return new RangeFilter(field, value, value);
        }
        if (b.indexOf("..", dots + 2) >= 0) {
            throw new InvalidRequestException(PARAMETER, "malformed range '" + bounds + "' on '" + field
                    + "', expected MIN..MAX, MIN.. or ..MAX");
        }
        return new RangeFilter(field, number(field, b.substring(0, dots).trim(), bounds),
                number(field, b.substring(dots + 2).trim(), bounds));
    }

    private static Double number(String field, String text, String bounds) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = new BigDecimal(text).doubleValue();
            if (Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(PARAMETER, "malformed range '" + bounds + "' on '" + field + "': '"
                    + text + "' is not a number");
        }
    }

    private static void requireKnownField(String field) {
        if (field == null || field.isBlank()) {
            throw new InvalidRequestException(PARAMETER, "range without a field, expected ID=MIN..MAX");
        }
        if (!YEAR.equals(field) && !FigureCatalog.get().contains(field)) {
            throw new UnknownFigureException(PARAMETER, field, YEAR);
        }
    }

    /** The lower bound as a whole number (counts and years are whole: {@code 2.5..} starts at 3); open is MIN_VALUE. */
    public long minWhole() {
        return min == null ? Long.MIN_VALUE : (long) Math.max(Long.MIN_VALUE, Math.ceil(min));
    }

    /** The upper bound as a whole number; open is MAX_VALUE. */
    public long maxWhole() {
        return max == null ? Long.MAX_VALUE : (long) Math.min(Long.MAX_VALUE, Math.floor(max));
    }

    @Override
    public String toString() {
        return field + "=" + (min == null ? "" : format(min)) + ".." + (max == null ? "" : format(max));
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
