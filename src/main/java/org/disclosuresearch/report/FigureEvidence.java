package org.disclosuresearch.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * How one figure was read, so that a researcher can cite it: from its own cell, as a blank cell counted as 0, split
 * from a run of glued digits (and by which identities the split was chosen), settled by a number the narrative
 * states (with the sentence quoted), or summed from printed sub-rows (2021's apps_other_*).
 *
 * @param method     how the value was obtained
 * @param run        the printed run of digits the value was split from (method split/narrative), else null
 * @param identities check ids whose arithmetic chose the split (row_sum:new, review_sum:review …), else empty
 * @param quote      the narrative sentence that settled the split (method narrative), else null
 * @param detail     one plain Chinese sentence saying all of the above
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FigureEvidence(Method method, String run, List<String> identities, String quote, String detail) {

    public FigureEvidence {
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** How a value was obtained; the JSON names are lower case. */
    public enum Method {
        CELL, BLANK, SPLIT, NARRATIVE, SUM;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final FigureEvidence CELL = new FigureEvidence(Method.CELL, null, List.of(), null, null);
    public static final FigureEvidence BLANK = new FigureEvidence(Method.BLANK, null, List.of(), null, "空白单元格，按 0 计");
    public static final FigureEvidence SUM_OF_SUB_ROWS = new FigureEvidence(Method.SUM, null, List.of(), null,
            "报告未印此行，由（六）其他处理的三个子行相加");
}
