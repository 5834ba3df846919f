package org.disclosuresearch.search;

import org.disclosuresearch.report.FigureCatalog;

/**
 * A figure id the catalogue does not know, with the closest ids as suggestions. Its own type so that each front end
 * can say where the catalogue is listed (the CLI's {@code fields} command, the API's {@code GET /api/fields}).
 */
public final class UnknownFigureException extends InvalidRequestException {

    /**
     * @param alsoAllowed names besides the figure ids that the parameter takes (year, relevance), offered as
     *                    suggestions too and named in the message
     */
    public UnknownFigureException(String parameter, String id, String... alsoAllowed) {
        super(parameter, "unknown figure id '" + id + "' in " + parameter
                + (alsoAllowed.length == 0 ? "" : " (" + parameter + " also takes " + String.join(", ", alsoAllowed)
                + ")") + FigureCatalog.get().didYouMean(id, alsoAllowed));
    }
}
