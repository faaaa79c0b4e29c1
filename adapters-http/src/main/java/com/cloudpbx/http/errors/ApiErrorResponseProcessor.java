package com.cloudpbx.http.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Gives every error response the framework builds by itself the {@link ApiError} body.
 * <p>
 * Micronaut routes route misses (404/405/415/406), its built-in exception handlers (JSON syntax,
 * conversion, unsatisfied arguments, constraint violations, oversized bodies) and unhandled
 * exceptions (500) through the single {@link ErrorResponseProcessor} bean. The default one is
 * declared {@code @Requires(missingBeans = ErrorResponseProcessor.class)}, so declaring this bean is
 * enough to take its place; no {@code @Replaces} is needed (or possible: the default is package-private).
 * <p>
 * JSON is always answered, even to browsers asking for HTML: this is a JSON API. An unhandled
 * failure of the database itself, wherever it surfaced (authentication, a filter, a controller), is
 * a 503 {@code BACKEND_UNAVAILABLE} rather than a 500: see {@link BackendOutages}.
 */
@Singleton
public final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private final FrameworkErrorTranslator translator;

    ApiErrorResponseProcessor(FrameworkErrorTranslator translator) {
        this.translator = translator;
    }

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        Throwable cause = errorContext.getRootCause().orElse(null);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR && cause != null && BackendOutages.isOutage(cause)) {
            return response.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BackendOutages.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ApiError.of(BackendOutages.CODE, BackendOutages.SENTENCE));
        }
        ApiError body = translator.translate(errorContext.getRequest(), status,
            cause, response);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
