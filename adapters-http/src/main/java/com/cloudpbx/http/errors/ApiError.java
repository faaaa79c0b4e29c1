package com.cloudpbx.http.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/**
 * The one error body the server answers with, whatever went wrong:
 * {@code {"error": "...", "code": "UPPER_SNAKE", "details": [...]}}.
 *
 * @param error   a sentence a person can act on; never an exception message from inside the server
 * @param code    a stable machine-readable code (see {@link ErrorCodes}); clients switch on this, not on the sentence
 * @param details per-field problems, only for validation failures; left out of the JSON when absent
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, @Nullable List<InvalidField> details) {

    public ApiError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(code, "code");
        details = details == null ? null : List.copyOf(details);
    }

    public static ApiError of(String code, String error) {
        return new ApiError(error, code, null);
    }

    public static ApiError withDetails(String code, String error, List<InvalidField> details) {
        return new ApiError(error, code, details);
    }
}
