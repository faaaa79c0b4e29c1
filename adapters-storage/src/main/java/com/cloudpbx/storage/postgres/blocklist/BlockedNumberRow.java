package com.cloudpbx.storage.postgres.blocklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code blocked_numbers}; {@code number} is the pattern's wire form. */
@MappedEntity("blocked_numbers")
public record BlockedNumberRow(@Id UUID id, UUID tenantId, String number, @Nullable String reason, String direction,
                               Instant createdAt) {
}
