package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code dids} as Micronaut Data reads and writes it. */
@MappedEntity("dids")
public record DidRow(@Id UUID id, UUID tenantId, String number, String inboundRoute, @Nullable String routeTarget,
                     @Nullable UUID scheduleId, boolean emergencyCallerId, String status, Instant createdAt,
                     Instant updatedAt) {
}
