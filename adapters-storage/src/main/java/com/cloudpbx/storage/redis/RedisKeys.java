package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.TenantId;
import java.util.Objects;

/**
 * Names every key and channel this server uses in Redis: {@code <prefix>:<kind>:...}, with a
 * tenant's live state under {@code <prefix>:t:<tenant>:...} so one tenant's keys can be listed and
 * removed together.
 */
public record RedisKeys(String prefix) {

    public RedisKeys {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String of(String kind, String... parts) {
        StringBuilder key = new StringBuilder(prefix).append(':').append(kind);
        for (String part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    public String ofTenant(TenantId tenant, String kind, String... parts) {
        StringBuilder key = new StringBuilder(prefix).append(":t:").append(tenant.value()).append(':').append(kind);
        for (String part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }
}
