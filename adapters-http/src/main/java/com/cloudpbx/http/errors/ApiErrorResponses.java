package com.cloudpbx.http.errors;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Builds responses carrying an {@link ApiError}, for exception handlers and filters that answer
 * on their own (the domain-exception handler, authentication, rate limiting).
 */
public final class ApiErrorResponses {

    private ApiErrorResponses() {
    }

    public static MutableHttpResponse<ApiError> of(HttpStatus status, ApiError error) {
        return HttpResponse.<ApiError>status(status)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(error);
    }

    public static MutableHttpResponse<ApiError> of(HttpStatus status, String code, String error) {
        return of(status, ApiError.of(code, error));
    }
}
