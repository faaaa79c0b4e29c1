package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

/** The plain writes of {@code paging_groups}; reads join the members and go through jOOQ. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PagingGroupRows extends GenericRepository<PagingGroupRow, UUID> {

    PagingGroupRow save(PagingGroupRow row);

    PagingGroupRow update(PagingGroupRow row);
}
