package org.disclosuresearch.parse;

import org.disclosuresearch.report.AgencyTypes;

import java.util.List;
import java.util.Map;

/** Classifies an agency name by the longest keyword of {@code spec/agency-types.csv} found in it (其他 when none). */
public final class AgencyTypeClassifier {

    private final AgencyTypes types;

    public AgencyTypeClassifier(AgencyTypes types) {
        this.types = types;
    }

    public AgencyTypeClassifier() {
        this(AgencyTypes.get());
    }

    public String classify(String agencyName) {
        if (agencyName == null || agencyName.isBlank()) {
            return AgencyTypes.OTHER;
        }
        String best = AgencyTypes.OTHER;
        int bestLength = 0;
        for (Map.Entry<String, List<String>> entry : types.keywordsByType().entrySet()) {
            for (String keyword : entry.getValue()) {
                // strictly longer wins, so on a tie the type listed first in the file keeps it
                if (keyword.length() > bestLength && agencyName.contains(keyword)) {
                    best = entry.getKey();
                    bestLength = keyword.length();
                }
            }
        }
        return best;
    }

    /** Whether {@code text} starts with an agency keyword (used to guard short region names). */
    public boolean startsWithKeyword(String text) {
        for (List<String> keywords : types.keywordsByType().values()) {
            for (String keyword : keywords) {
                if (text.startsWith(keyword)) {
                    return true;
                }
            }
        }
        return false;
    }
}
