package com.cloudpbx.core.shared;

/** The category of a domain failure; the HTTP adapter maps each to a status code. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    BAD_GATEWAY,
    UNAVAILABLE
}
