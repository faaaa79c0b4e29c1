package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code business_schedules} (without its hours and holidays) as Micronaut Data reads and writes it. */
@MappedEntity("business_schedules")
public record ScheduleRow(@Id UUID id, UUID tenantId, String name, String timezone, String afterHoursAction,
                          @Nullable String afterHoursTarget, Instant createdAt, Instant updatedAt) {
}
