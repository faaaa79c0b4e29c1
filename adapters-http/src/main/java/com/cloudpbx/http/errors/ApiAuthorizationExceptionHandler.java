package com.cloudpbx.http.errors;

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
 * is known but not allowed.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class ApiAuthorizationExceptionHandler
    implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ApiError>> {

    // RFC 9110 requires a challenge on every 401; API keys are also accepted as bearer tokens.
    private static final String CHALLENGE = "Bearer";

    @Override
    public MutableHttpResponse<ApiError> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ApiErrorResponses.of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                FrameworkErrorTranslator.NOT_PERMITTED);
        }
        // A credential that was presented but refused (revoked, expired) says why; none says what to send.
        String reason = request.getAttribute(RequestAttributeNames.AUTH_FAILURE, String.class)
            .orElse(FrameworkErrorTranslator.AUTHENTICATION_REQUIRED);
        return ApiErrorResponses.of(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, reason)
            .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
