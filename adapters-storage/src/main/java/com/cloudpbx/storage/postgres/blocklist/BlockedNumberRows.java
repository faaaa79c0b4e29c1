package com.cloudpbx.storage.postgres.blocklist;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain CRUD of {@code blocked_numbers}; every finder of one tenant's rows names the tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BlockedNumberRows extends GenericRepository<BlockedNumberRow, UUID> {

    BlockedNumberRow save(BlockedNumberRow row);

    BlockedNumberRow update(BlockedNumberRow row);

    void deleteByTenantIdAndId(UUID tenantId, UUID id);

    Optional<BlockedNumberRow> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<BlockedNumberRow> findById(UUID id);

    boolean existsByTenantIdAndNumber(UUID tenantId, String number);

    List<BlockedNumberRow> findByTenantIdOrderByCreatedAt(UUID tenantId);

    List<BlockedNumberRow> listOrderByCreatedAt();
}
