package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;

import java.util.List;

/**
 * One printed row found in the text, before its cells are settled: its figures in printed order, the runs of
 * digits printed after its label and every way of cutting them that its row identities allow.
 *
 * @param rowName    the row's label, for notes
 * @param figures    the row's figures in printed column order
 * @param units      per cell, the unit its header or its cell prints (元 / 万元), "" when none
 * @param runs       the runs of digits as printed
 * @param identities the row identities the candidates satisfy
 * @param negativeAllowed per cell, whether it may print a minus sign
 * @param split      the candidates
 */
record Reading(String rowName, List<Figure> figures, List<String> units, List<String> runs,
               List<CellSplitter.Identity> identities, boolean[] negativeAllowed, CellSplitter.Result split) {

    Reading withSplit(CellSplitter.Result other) {
        return new Reading(rowName, figures, units, runs, identities, negativeAllowed, other);
    }

    String printedRuns() {
        return String.join(" ", runs);
    }
}
