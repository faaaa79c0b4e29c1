package com.cloudpbx.http.errors;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Arrays;
import java.util.Optional;

/**
 * Gives an {@link ApiError} body to error responses that were returned without one, such as
 * {@code return HttpResponse.status(GONE)} in a controller or a filter answering 429 on its own.
 * Those never pass through the framework's error processor, and "every error has the same shape"
 * should not depend on each caller remembering a body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class MissingErrorBodyFilter implements Ordered {

    private final FrameworkErrorTranslator translator;

    MissingErrorBodyFilter(FrameworkErrorTranslator translator) {
        this.translator = translator;
    }

    @Override
    public int getOrder() {
        // inside the access log, outside everything else: sees the response as it will be sent
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void fillIn(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || request.getMethod() == HttpMethod.HEAD || response.getBody().isPresent()) {
            return;
        }
        standardStatus(response.code()).ifPresent(status -> response
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(translator.translate(request, status, null, response)));
    }

    // HttpStatus.valueOf throws for codes outside the enum; such responses are left as they are
    private static Optional<HttpStatus> standardStatus(int code) {
        return Arrays.stream(HttpStatus.values()).filter(status -> status.getCode() == code).findFirst();
    }
}
