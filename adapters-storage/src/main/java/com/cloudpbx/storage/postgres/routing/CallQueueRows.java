package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plain writes and finds of {@code call_queues}; every finder of a tenant's queue names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CallQueueRows extends GenericRepository<CallQueueRow, UUID> {

    CallQueueRow save(CallQueueRow row);

    CallQueueRow update(CallQueueRow row);

    Optional<CallQueueRow> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<CallQueueRow> findById(UUID id);

    Optional<CallQueueRow> findByTenantIdAndName(UUID tenantId, String name);

    boolean existsByTenantIdAndId(UUID tenantId, UUID id);

    List<CallQueueRow> findByTenantIdOrderByName(UUID tenantId);

    void deleteByTenantIdAndId(UUID tenantId, UUID id);
}
