package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plain writes and finds of {@code ivr_menus}; every finder of a tenant's menu names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IvrMenuRows extends GenericRepository<IvrMenuRow, UUID> {

    IvrMenuRow save(IvrMenuRow row);

    IvrMenuRow update(IvrMenuRow row);

    Optional<IvrMenuRow> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<IvrMenuRow> findById(UUID id);

    Optional<IvrMenuRow> findByTenantIdAndName(UUID tenantId, String name);

    boolean existsByTenantIdAndId(UUID tenantId, UUID id);

    List<IvrMenuRow> findByTenantIdOrderByName(UUID tenantId);

    void deleteByTenantIdAndId(UUID tenantId, UUID id);
}
