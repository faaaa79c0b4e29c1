package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plain reads and writes of {@code business_schedules}; every lookup of a tenant's row names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ScheduleRows extends GenericRepository<ScheduleRow, UUID> {

    ScheduleRow save(ScheduleRow row);

    Optional<ScheduleRow> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<ScheduleRow> findById(UUID id);

    Optional<ScheduleRow> findByTenantIdAndName(UUID tenantId, String name);

    List<ScheduleRow> findByTenantIdOrderByName(UUID tenantId);

    void deleteByTenantIdAndId(UUID tenantId, UUID id);
}
