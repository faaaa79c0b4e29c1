package com.cloudpbx.storage.postgres.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain CRUD of {@code sip_trunks}, a platform-wide table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SipTrunkRows extends GenericRepository<SipTrunkRow, UUID> {

    SipTrunkRow save(SipTrunkRow row);

    SipTrunkRow update(SipTrunkRow row);

    boolean existsById(UUID id);

    void deleteById(UUID id);

    Optional<SipTrunkRow> findById(UUID id);

    Optional<SipTrunkRow> findByName(String name);

    List<SipTrunkRow> listOrderByName();

    List<SipTrunkRow> findByStatusOrderByName(String status);
}
