package com.cloudpbx.storage.postgres.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code audit_log} as Micronaut Data writes it; the id is assigned by the caller. */
@MappedEntity("audit_log")
public record AuditRow(@Id UUID id, Instant at, @Nullable UUID actorId, String actorKind, @Nullable UUID tenantId,
                       String action, String resource, @Nullable String resourceId, @Nullable String clientIp) {
}
