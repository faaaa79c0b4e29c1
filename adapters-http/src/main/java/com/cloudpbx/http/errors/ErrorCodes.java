package com.cloudpbx.http.errors;

/**
 * Error codes produced by the HTTP layer itself. Domain codes ({@code INVALID_STATE},
 * {@code IDEMPOTENCY_KEY_REUSED}, ...) come from the domain exceptions and are passed through as they are.
 */
public final class ErrorCodes {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }
}
