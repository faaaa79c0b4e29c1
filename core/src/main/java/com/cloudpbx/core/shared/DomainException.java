package com.cloudpbx.core.shared;

import java.time.Duration;
import java.util.List;

/**
 * A failure a caller can act on: it carries a stable code, a sentence for a person and, for
 * validation, the fields at fault. Anything else escaping a use case is a bug.
 */
public final class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final List<FieldIssue> details;
    private final Duration retryAfter;

    private DomainException(ErrorKind kind, String code, String message, List<FieldIssue> details, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static DomainException badRequest(String code, String message) {
        return new DomainException(ErrorKind.BAD_REQUEST, code, message, List.of(), null);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldIssue(field, message)));
    }

    public static DomainException invalid(List<FieldIssue> issues) {
        String sentence = issues.size() == 1
                ? issues.get(0).field() + ": " + issues.get(0).message()
                : "Invalid input in " + issues.size() + " fields: "
                        + String.join(", ", issues.stream().map(FieldIssue::field).toList());
        return new DomainException(ErrorKind.BAD_REQUEST, "VALIDATION_FAILED", sentence, issues, null);
    }

    public static DomainException unauthorized(String message) {
        return new DomainException(ErrorKind.UNAUTHORIZED, "UNAUTHORIZED", message, List.of(), null);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorKind.FORBIDDEN, "FORBIDDEN", message, List.of(), null);
    }

    /** Not found, also for another tenant's resource: its existence is never revealed. */
    public static DomainException notFound(String what) {
        return new DomainException(ErrorKind.NOT_FOUND, "NOT_FOUND", what + " not found", List.of(), null);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(ErrorKind.CONFLICT, code, message, List.of(), null);
    }

    public static DomainException rateLimited(String message, Duration retryAfter) {
        return new DomainException(ErrorKind.RATE_LIMITED, "RATE_LIMITED", message, List.of(), retryAfter);
    }

    /** The media server (or another backend) refused a command the core had checked. */
    public static DomainException badGateway(String code, String message) {
        return new DomainException(ErrorKind.BAD_GATEWAY, code, message, List.of(), null);
    }

    public static DomainException unavailable(String code, String message) {
        return new DomainException(ErrorKind.UNAVAILABLE, code, message, List.of(), null);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldIssue> details() {
        return details;
    }

    /** For {@link ErrorKind#RATE_LIMITED}: when to try again; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
