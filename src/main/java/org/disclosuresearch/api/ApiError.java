package org.disclosuresearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every API error: what went wrong, in a sentence a user can act on; never a stack trace.
 *
 * @param code for a query the engine cannot search, what is wrong as a stable id the page can act on
 *             ({@link org.disclosuresearch.query.QueryException.Code}); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String detail, String parameter, String code) {
    public ApiError(String error, String detail, String parameter) {
        this(error, detail, parameter, null);
    }
}
