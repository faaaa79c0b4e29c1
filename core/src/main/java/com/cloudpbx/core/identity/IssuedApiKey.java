package com.cloudpbx.core.identity;

/** A key together with its full text, which exists only in this response. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
