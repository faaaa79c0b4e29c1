package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plain reads and writes of {@code dids}; every lookup of a tenant's row names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DidRows extends GenericRepository<DidRow, UUID> {

    DidRow save(DidRow row);

    Optional<DidRow> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<DidRow> findById(UUID id);

    Optional<DidRow> findByNumber(String number);

    List<DidRow> findByTenantIdOrderByNumber(UUID tenantId);

    List<DidRow> listOrderByNumber();

    void deleteByTenantIdAndId(UUID tenantId, UUID id);
}
