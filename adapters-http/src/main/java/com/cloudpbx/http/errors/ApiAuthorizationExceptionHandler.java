package com.cloudpbx.http.errors;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.security.RequestAttributeNames;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers security rejections in the API's error shape.
 * <p>
 * Micronaut Security's filter turns a rejected request into an {@link AuthorizationException};
 * its default handler would redirect browsers to a login page or let the generic error processor
 * write the body. This API has no login page and wants the same body everywhere, so the default
 * handler is replaced: 401 when no (valid) credentials came with the request, 403 when the caller
 * is known but not allowed, 429 when the presented credential was not even looked up because its
 * client's address is being throttled.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class ApiAuthorizationExceptionHandler
    implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ApiError>> {

    // RFC 9110 requires a challenge on every 401; API keys are also accepted as bearer tokens.
    private static final String CHALLENGE = "Bearer";

    private final DomainExceptionHandler domainErrors;

    public ApiAuthorizationExceptionHandler(DomainExceptionHandler domainErrors) {
        this.domainErrors = domainErrors;
    }

    @Override
    public MutableHttpResponse<ApiError> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ApiErrorResponses.of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                FrameworkErrorTranslator.NOT_PERMITTED);
        }
        var throttled = request.getAttribute(RequestAttributeNames.AUTH_RATE_LIMITED, DomainException.class);
        if (throttled.isPresent()) {
            return domainErrors.handle(request, throttled.get());
        }
        // A credential that was presented but refused (revoked, expired) says why; none says what to send.
        String reason = request.getAttribute(RequestAttributeNames.AUTH_FAILURE, String.class)
            .orElse(FrameworkErrorTranslator.AUTHENTICATION_REQUIRED);
        return ApiErrorResponses.of(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, reason)
            .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
