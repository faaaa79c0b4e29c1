package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code paging_groups} as Micronaut Data writes it; the members are rows of their own. */
@MappedEntity("paging_groups")
public record PagingGroupRow(@Id UUID id, UUID tenantId, String name, @Nullable String description,
                             String extensionCode, Instant createdAt, Instant updatedAt) {
}
