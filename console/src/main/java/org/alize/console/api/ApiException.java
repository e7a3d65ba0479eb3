package org.alize.console.api;

import java.util.List;

/**
 * An API call refused or failed: its HTTP status and the French explanation of the problem+json answer
 * (with per-field messages when the input was invalid), or a French message of our own when the service
 * did not answer.
 */
public class ApiException extends RuntimeException {

    /** Serialisable: carried to the next page in the flash map, which lives in the session shared in MongoDB. */
    public record FieldError(String field, String message) implements java.io.Serializable {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
