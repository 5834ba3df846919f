package org.disclosuresearch.parse;

import java.util.ArrayList;
import java.util.List;

/** The ways a run of digits can be cut into a given number of printed numbers (no leading zeros but "0" itself). */
final class DigitSplitter {
    private DigitSplitter() {
    }

    /** Up to {@code limit} splits of {@code digits} into {@code parts} numbers; callers only need to know if one is unique. */
    static List<List<String>> splits(String digits, int parts, int limit) {
        List<List<String>> out = new ArrayList<>();
        collect(digits, 0, parts, new ArrayList<>(), out, limit);
        return out;
    }

    private static void collect(String digits, int from, int parts, List<String> current, List<List<String>> out,
                                int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (parts == 0) {
            if (from == digits.length()) {
                out.add(List.copyOf(current));
            }
            return;
        }
        int maxEnd = digits.length() - (parts - 1);
        for (int end = from + 1; end <= maxEnd; end++) {
            if (digits.charAt(from) == '0' && end > from + 1) {
                break;
            }
            current.add(digits.substring(from, end));
            collect(digits, end, parts - 1, current, out, limit);
            current.remove(current.size() - 1);
        }
    }
}
