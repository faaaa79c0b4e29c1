package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import java.time.Clock;
import java.time.Instant;

/** Turns a presented API key into a principal: one hash and one cached lookup. */
public final class AuthenticateApiKey {

    private final ApiKeyRepository keys;
    private final ApiKeyCache cache;
    private final ApiKeyUsage usage;
    private final Clock clock;

    public AuthenticateApiKey(ApiKeyRepository keys, ApiKeyCache cache, ApiKeyUsage usage, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.usage = usage;
        this.clock = clock;
    }

    public Principal authenticate(String credential) {
        if (!ApiKeySecret.isWellFormed(credential)) {
            throw DomainException.unauthorized("Invalid API key");
        }
        ApiKey key = cache.get(ApiKeySecret.hashOf(credential), keys::findByHash)
                .orElseThrow(() -> DomainException.unauthorized("Invalid API key"));
        Instant now = clock.instant();
        if (key.status() == ApiKeyStatus.REVOKED) {
            throw DomainException.unauthorized("This API key has been revoked");
        }
        if (key.isExpiredAt(now)) {
            throw DomainException.unauthorized("This API key expired at " + key.expiresAt());
        }
        usage.record(key.id(), now);
        return key.principal();
    }
}
