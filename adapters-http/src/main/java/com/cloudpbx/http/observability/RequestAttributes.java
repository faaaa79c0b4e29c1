package com.cloudpbx.http.observability;

/**
 * Request attribute names shared between the authentication code, which sets them once it knows
 * who is calling, and the access log, which reports them. Values are written with
 * {@code request.setAttribute(name, value)} on the request the filter or handler receives;
 * {@code toString()} of the value is logged, so a UUID or a value object is fine.
 */
public final class RequestAttributes {

    /** The tenant the request acts on (after X-Tenant-ID resolution for superadmins). */
    public static final String TENANT = "voip.tenant";

    /** The id of the authenticated principal: user, admin, superadmin or API key. */
    public static final String PRINCIPAL_ID = "voip.principal.id";

    /** System.nanoTime() when the access-log filter first saw the request. */
    static final String STARTED_AT_NANOS = "voip.access.started-at-nanos";

    private RequestAttributes() {
    }
}
