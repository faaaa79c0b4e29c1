package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

/** The plain writes of {@code ring_groups}; reads join the members and go through jOOQ. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RingGroupRows extends GenericRepository<RingGroupRow, UUID> {

    RingGroupRow save(RingGroupRow row);

    RingGroupRow update(RingGroupRow row);
}
