package com.cloudpbx.storage.postgres.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

/** Appends to {@code audit_log}; the trail is never changed, so saving is all there is. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRows extends GenericRepository<AuditRow, UUID> {

    AuditRow save(AuditRow row);
}
