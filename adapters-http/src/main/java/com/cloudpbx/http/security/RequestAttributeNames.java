package com.cloudpbx.http.security;

/** Request attributes set during authentication. */
public final class RequestAttributeNames {

    /** Why a presented credential was refused, for the 401 answer. */
    public static final String AUTH_FAILURE = "voip.auth.failure";

    /** The rate-limit refusal ({@code DomainException}) of a presented credential, for a 429 answer. */
    public static final String AUTH_RATE_LIMITED = "voip.auth.rate-limited";

    private RequestAttributeNames() {
    }
}
