package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code ring_groups} as Micronaut Data writes it; the members are rows of their own. */
@MappedEntity("ring_groups")
public record RingGroupRow(@Id UUID id, UUID tenantId, String name, String strategy, int ringTimeout,
                           String noAnswerAction, @Nullable String noAnswerTarget, Instant createdAt,
                           Instant updatedAt) {
}
