package org.disclosuresearch.search;

/** A request that cannot be answered as asked; names the parameter and says what is wrong (HTTP 400). */
public class InvalidRequestException extends IllegalArgumentException {
    private final String parameter;

    public InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
