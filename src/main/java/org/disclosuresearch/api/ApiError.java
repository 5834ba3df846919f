package org.disclosuresearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every API error: what went wrong, in a sentence a user can act on; never a stack trace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String detail, String parameter) {
}
