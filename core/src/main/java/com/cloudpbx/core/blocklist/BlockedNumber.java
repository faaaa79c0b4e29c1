package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry of a tenant's blocklist. */
public record BlockedNumber(UUID id, TenantId tenant, BlockPattern pattern, String reason, BlockDirection direction,
                            Instant createdAt) {

    public BlockedNumber {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public BlockedNumber with(String newReason, BlockDirection newDirection) {
        return new BlockedNumber(id, tenant, pattern, newReason, newDirection, createdAt);
    }
}
