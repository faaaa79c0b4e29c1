package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code call_queues} as Micronaut Data maps it; the agents live in their own table. */
@MappedEntity("call_queues")
public record CallQueueRow(@Id UUID id, UUID tenantId, String name, String strategy, int maxWaitSeconds, String moh,
                           String timeoutAction, @Nullable String timeoutTarget, Instant createdAt,
                           Instant updatedAt) {
}
