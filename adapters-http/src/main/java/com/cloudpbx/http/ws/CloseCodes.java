package com.cloudpbx.http.ws;

import com.cloudpbx.core.shared.DomainException;

/**
 * Close codes of the events socket. Codes 4000-4999 are the application's own (RFC 6455 7.4.2);
 * these mirror the HTTP statuses a client already knows how to read.
 */
public final class CloseCodes {

    /** Not authenticated in time, or a wrong credential. */
    public static final int UNAUTHORIZED = 4401;
    /** Authenticated, but the credential may not read calls (or its tenant or account is disabled). */
    public static final int FORBIDDEN = 4403;
    /** A malformed request, such as a tenantId that is not a UUID. */
    public static final int BAD_REQUEST = 4400;
    /** Too many unknown credentials from the client's address; retry after a minute. */
    public static final int RATE_LIMITED = 4429;
    /** The client did not read its events fast enough and its queue filled up. */
    public static final int TOO_SLOW = 4008;
    /** A backend (the database) is unavailable: reconnect in a few seconds (RFC 6455 "Try Again Later"). */
    public static final int TRY_AGAIN_LATER = 1013;
    /** The server failed; the client may reconnect. */
    public static final int SERVER_ERROR = 1011;

    private CloseCodes() {
    }

    static int of(DomainException refusal) {
        return switch (refusal.kind()) {
            case UNAUTHORIZED -> UNAUTHORIZED;
            case FORBIDDEN, NOT_FOUND -> FORBIDDEN;
            case BAD_REQUEST -> BAD_REQUEST;
            case RATE_LIMITED -> RATE_LIMITED;
            default -> SERVER_ERROR;
        };
    }
}
