package com.cloudpbx.http.errors;

import com.cloudpbx.core.shared.DomainException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a failure the core reports with its status, code, sentence and field details. */
@Singleton
public class DomainExceptionHandler implements ExceptionHandler<DomainException, MutableHttpResponse<ApiError>> {

    @Override
    public MutableHttpResponse<ApiError> handle(HttpRequest request, DomainException exception) {
        var details = exception.details().isEmpty() ? null
                : exception.details().stream().map(d -> new InvalidField(d.field(), d.message())).toList();
        var response = ApiErrorResponses.of(status(exception),
                new ApiError(exception.getMessage(), exception.code(), details));
        if (exception.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, exception.retryAfter().toSeconds() + 1)));
        }
        if (status(exception) == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }

    private static HttpStatus status(DomainException exception) {
        return switch (exception.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case BAD_GATEWAY -> HttpStatus.BAD_GATEWAY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
