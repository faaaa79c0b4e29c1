package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code ivr_menus} as Micronaut Data maps it; the options live in their own table. */
@MappedEntity("ivr_menus")
public record IvrMenuRow(@Id UUID id, UUID tenantId, String name, String greeting, int timeoutSeconds,
                         int maxRetries, String timeoutAction, @Nullable String timeoutTarget, Instant createdAt,
                         Instant updatedAt) {
}
