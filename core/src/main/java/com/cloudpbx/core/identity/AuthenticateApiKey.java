package com.cloudpbx.core.identity;

import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a presented API key into a principal: one hash and one cached lookup. Unknown keys are
 * counted per client address; an address that presented too many is refused any lookup (keys this
 * node already holds in memory still pass).
 */
public final class AuthenticateApiKey {

    private final ApiKeyRepository keys;
    private final ApiKeyCache cache;
    private final ApiKeyUsage usage;
    private final FailedApiKeyLookups failures;
    private final Clock clock;

    public AuthenticateApiKey(ApiKeyRepository keys, ApiKeyCache cache, ApiKeyUsage usage,
                              FailedApiKeyLookups failures, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.usage = usage;
        this.failures = failures;
        this.clock = clock;
    }

    public Principal authenticate(String credential, String clientAddress) {
        String hash = ApiKeySecret.isWellFormed(credential) ? ApiKeySecret.hashOf(credential) : null;
        // A key in use is served from memory whatever its address did: an office behind one NAT
        // address keeps its integrations while someone there floods unknown keys.
        Optional<ApiKey> found = hash == null ? Optional.empty() : cache.remembered(hash);
        if (found.isEmpty()) {
            failures.admit(clientAddress);
            found = hash == null ? Optional.empty() : cache.get(hash, keys::findByHash);
        }
        if (found.isEmpty()) {
            failures.recordFailure(clientAddress);
            throw DomainException.unauthorized("Invalid API key");
        }
        ApiKey key = found.get();
        Instant now = clock.instant();
        requireUsable(key, now);
        usage.record(key.id(), now);
        return key.principal();
    }

    /**
     * The same check, read from the store rather than the cache, for a key held open (an events
     * socket): a revocation or regenerate made on another node is seen at the next check, not
     * only once this node's cache expires. A refused key is evicted here too. Records no use.
     */
    public Principal recheck(String credential) {
        String hash = ApiKeySecret.hashOf(credential);
        try {
            ApiKey key = keys.findByHash(hash).orElseThrow(() -> DomainException.unauthorized(
                    "This API key has been revoked or regenerated"));
            requireUsable(key, clock.instant());
            return key.principal();
        } catch (DomainException refused) {
            cache.evict(hash);
            throw refused;
        }
    }

    private static void requireUsable(ApiKey key, Instant now) {
        if (key.status() == ApiKeyStatus.REVOKED) {
            throw DomainException.unauthorized("This API key has been revoked");
        }
        if (key.isExpiredAt(now)) {
            throw DomainException.unauthorized("This API key expired at " + key.expiresAt());
        }
    }
}
