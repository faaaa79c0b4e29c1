package com.cloudpbx.app.support;

/** How a test request authenticates: an API key, a JWT, or nothing; optionally naming a tenant. */
public record Credential(String apiKey, String token, String tenantId) {

    public static final Credential NONE = new Credential(null, null, null);

    public static Credential apiKey(String key) {
        return new Credential(key, null, null);
    }

    public static Credential token(String token) {
        return new Credential(null, token, null);
    }

    public Credential inTenant(String tenant) {
        return new Credential(apiKey, token, tenant);
    }
}
