package com.cloudpbx.http.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides the {@link ApiError} for an error the framework produced: a route miss, a binding or
 * decoding failure, a validation failure, an oversized body, or an unexpected exception.
 * <p>
 * The framework's own messages are not passed on: they are written for developers and may quote
 * internals (class names, parser state). Each case gets a sentence the caller can act on instead,
 * built only from what the caller sent (method, path, parameter names).
 */
@Singleton
final class FrameworkErrorTranslator {

    static final String AUTHENTICATION_REQUIRED =
        "Authentication required: send X-API-Key or Authorization: Bearer <token>";
    static final String NOT_PERMITTED =
        "Forbidden: your credentials do not allow this request";
    static final String UNEXPECTED =
        "The server hit an unexpected error and has logged it; retry later and report it if it persists";

    private static final int MAX_ISSUES_IN_SENTENCE = 5;
    private static final int MAX_ECHOED_PATH = 200;
    private static final long MIB = 1024L * 1024L;

    private final Router router;
    private final HttpServerConfiguration serverConfiguration;

    FrameworkErrorTranslator(Router router, HttpServerConfiguration serverConfiguration) {
        this.router = router;
        this.serverConfiguration = serverConfiguration;
    }

    ApiError translate(HttpRequest<?> request, HttpStatus status, @Nullable Throwable cause, HttpResponse<?> response) {
        if (status.getCode() >= 500) {
            return serverError(status, cause);
        }
        if (cause != null) {
            Optional<ApiError> fromCause = fromCause(status, cause);
            if (fromCause.isPresent()) {
                return fromCause.get();
            }
        }
        return fromStatus(request, status, response);
    }

    private ApiError serverError(HttpStatus status, @Nullable Throwable cause) {
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return ApiError.of(ErrorCodes.INTERNAL_ERROR, UNEXPECTED);
        }
        if (isThrownOnPurpose(cause)) {
            return ApiError.of(status.name(), cause.getMessage());
        }
        return ApiError.of(status.name(), "The server cannot answer right now (" + status.getCode() + " "
            + status.getReason() + "); retry later");
    }

    private Optional<ApiError> fromCause(HttpStatus status, Throwable cause) {
        Optional<ConstraintViolationException> violations = Causes.find(cause, ConstraintViolationException.class);
        if (violations.isPresent()) {
            return Optional.of(validationFailed(ConstraintViolationIssues.from(violations.get().getConstraintViolations())));
        }
        if (cause instanceof UnsatisfiedBodyRouteException missingBody) {
            // @Body on the whole object means no body came; @Body("x") means property x of it is absent
            String name = ParameterDescriptions.clientName(missingBody.getArgument());
            return Optional.of(ParameterDescriptions.BODY.equals(name)
                ? missing(name, "A JSON request body is required")
                : missing(name, "Field '" + name + "' is required"));
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return Optional.of(missingArgument(missing.getArgument()));
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return Optional.of(missingArgument(missing.getArgument()));
        }
        if (Causes.find(cause, ContentLengthExceededException.class).isPresent()
            || Causes.find(cause, BufferLengthExceededException.class).isPresent()) {
            return Optional.of(payloadTooLarge());
        }
        if (JsonFailures.isSyntaxError(cause)) {
            return Optional.of(malformedJson(cause));
        }
        Optional<SerdeException> shapeError = JsonFailures.shapeError(cause);
        if (shapeError.isPresent()) {
            return Optional.of(wrongBodyShape(shapeError.get()));
        }
        if (cause instanceof ConversionErrorException conversion) {
            return Optional.of(invalidParameter(conversion.getArgument()));
        }
        if (isThrownOnPurpose(cause)) {
            return Optional.of(ApiError.of(codeFor(status), cause.getMessage()));
        }
        return Optional.empty();
    }

    private ApiError fromStatus(HttpRequest<?> request, HttpStatus status, HttpResponse<?> response) {
        return switch (status) {
            case NOT_FOUND -> ApiError.of(ErrorCodes.NOT_FOUND,
                "Nothing found at " + request.getMethodName() + " " + echoPath(request)
                    + ": check the path against the API documentation at /docs");
            case METHOD_NOT_ALLOWED -> ApiError.of(ErrorCodes.METHOD_NOT_ALLOWED,
                "Method " + request.getMethodName() + " is not allowed on " + echoPath(request)
                    + allowedMethods(response));
            case UNSUPPORTED_MEDIA_TYPE -> ApiError.of(ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + request.getContentType().map(MediaType::toString).orElse("(none)")
                    + " is not supported here: send the body as " + acceptedContentTypes(request));
            case NOT_ACCEPTABLE -> ApiError.of(ErrorCodes.NOT_ACCEPTABLE,
                "This route cannot answer in the type your Accept header asks for: accept application/json");
            case REQUEST_ENTITY_TOO_LARGE -> payloadTooLarge();
            case UNAUTHORIZED -> ApiError.of(ErrorCodes.UNAUTHORIZED, AUTHENTICATION_REQUIRED);
            case FORBIDDEN -> ApiError.of(ErrorCodes.FORBIDDEN, NOT_PERMITTED);
            case TOO_MANY_REQUESTS -> ApiError.of(ErrorCodes.RATE_LIMITED,
                "Too many requests: wait for the time given in Retry-After, then retry");
            default -> ApiError.of(codeFor(status),
                "The request could not be processed (" + status.getCode() + " " + status.getReason()
                    + "): check it against the API documentation at /docs");
        };
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ErrorCodes.BAD_REQUEST;
            case UNAUTHORIZED -> ErrorCodes.UNAUTHORIZED;
            case FORBIDDEN -> ErrorCodes.FORBIDDEN;
            case NOT_FOUND -> ErrorCodes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ErrorCodes.NOT_ACCEPTABLE;
            case REQUEST_ENTITY_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> ErrorCodes.RATE_LIMITED;
            case INTERNAL_SERVER_ERROR -> ErrorCodes.INTERNAL_ERROR;
            default -> status.name();
        };
    }

    private ApiError validationFailed(List<InvalidField> issues) {
        String summary = issues.stream()
            .limit(MAX_ISSUES_IN_SENTENCE)
            .map(issue -> issue.field() + " " + issue.message())
            .collect(Collectors.joining("; "));
        if (issues.size() > MAX_ISSUES_IN_SENTENCE) {
            summary += "; and " + (issues.size() - MAX_ISSUES_IN_SENTENCE) + " more (see details)";
        }
        return ApiError.withDetails(ErrorCodes.VALIDATION_FAILED, "Invalid request: " + summary, issues);
    }

    private ApiError missingArgument(Argument<?> argument) {
        String name = ParameterDescriptions.clientName(argument);
        if (ParameterDescriptions.BODY.equals(name)) {
            return missing(name, "A JSON request body is required");
        }
        return missing(name, "Required parameter '" + name + "' is missing");
    }

    private ApiError missing(String field, String sentence) {
        return ApiError.withDetails(ErrorCodes.VALIDATION_FAILED, sentence,
            List.of(new InvalidField(field, "is required")));
    }

    private ApiError malformedJson(Throwable cause) {
        String where = JsonFailures.location(cause).map(location -> " (at " + location + ")").orElse("");
        return ApiError.of(ErrorCodes.MALFORMED_JSON,
            "The request body is not valid JSON" + where + ": fix the syntax and send it again");
    }

    private ApiError wrongBodyShape(SerdeException failure) {
        String field = JsonFailures.fieldPath(failure);
        if (field == null) {
            return ApiError.of(ErrorCodes.INVALID_PARAMETER,
                "The request body does not have the shape this route expects: check the field types against /docs");
        }
        String expected = JsonFailures.fieldType(failure)
            .map(ParameterDescriptions::expectedType)
            .orElse("of another type");
        String message = "must be " + expected;
        return ApiError.withDetails(ErrorCodes.INVALID_PARAMETER,
            "Field '" + field + "' has the wrong type: it " + message,
            List.of(new InvalidField(field, message)));
    }

    private ApiError invalidParameter(Argument<?> argument) {
        String name = ParameterDescriptions.clientName(argument);
        String message = "must be " + ParameterDescriptions.expectedType(argument);
        return ApiError.withDetails(ErrorCodes.INVALID_PARAMETER,
            "Parameter '" + name + "' is invalid: it " + message,
            List.of(new InvalidField(name, message)));
    }

    private ApiError payloadTooLarge() {
        long max = serverConfiguration.getMaxRequestSize();
        String limit = max % MIB == 0 ? (max / MIB) + " MiB" : max + " bytes";
        return ApiError.of(ErrorCodes.PAYLOAD_TOO_LARGE,
            "The request body is larger than the " + limit + " limit: send a smaller body");
    }

    /**
     * An {@link HttpStatusException} raised by our own code carries a sentence written for the
     * client. The framework's subclasses (NotFoundException, NotAllowedException, ...) carry
     * developer wording such as "Page Not Found", which the status-based sentences replace.
     */
    private static boolean isThrownOnPurpose(@Nullable Throwable cause) {
        return cause != null && cause.getClass() == HttpStatusException.class && hasText(cause.getMessage());
    }

    private static String allowedMethods(HttpResponse<?> response) {
        String allow = response.getHeaders().get(HttpHeaders.ALLOW);
        if (!hasText(allow)) {
            return "";
        }
        Set<String> methods = new TreeSet<>();
        for (String method : allow.split(",")) {
            if (!method.isBlank()) {
                methods.add(method.trim());
            }
        }
        return ": use " + String.join(" or ", methods);
    }

    private String acceptedContentTypes(HttpRequest<?> request) {
        Set<String> types = new TreeSet<>();
        router.findAny(request).forEach(match -> match.getRouteInfo().getConsumes()
            .forEach(type -> types.add(type.toString())));
        types.remove(MediaType.ALL);
        return types.isEmpty() ? MediaType.APPLICATION_JSON : String.join(" or ", types);
    }

    private static String echoPath(HttpRequest<?> request) {
        String path = request.getPath();
        return path.length() <= MAX_ECHOED_PATH ? path : path.substring(0, MAX_ECHOED_PATH) + "...";
    }

    private static boolean hasText(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
