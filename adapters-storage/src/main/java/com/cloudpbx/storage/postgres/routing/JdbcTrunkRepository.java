package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.TrunkManagement;
import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SIP trunks in PostgreSQL, through Micronaut Data. */
@Singleton
@Connectable
public class JdbcTrunkRepository implements TrunkRepository {

    private static final String ACTIVE = "active";

    private final SipTrunkRows rows;

    public JdbcTrunkRepository(SipTrunkRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(SipTrunk trunk) {
        UniqueViolations.translate(() -> rows.save(toRow(trunk)), () -> TrunkManagement.duplicate(trunk.name())
                .getMessage());
    }

    @Override
    public boolean update(SipTrunk trunk) {
        if (!rows.existsById(trunk.id())) {
            return false;
        }
        SipTrunkRow stored = rows.findById(trunk.id()).orElseThrow();
        SipTrunkRow row = toRow(trunk);
        UniqueViolations.translate(() -> rows.update(new SipTrunkRow(row.id(), row.tenantId(), row.name(),
                row.provider(), row.proxy(), row.username(), row.passwordEnc(), row.transport(), row.codecs(),
                row.register(), row.maxChannels(), row.status(), stored.createdAt(), row.updatedAt())),
                () -> TrunkManagement.duplicate(trunk.name()).getMessage());
        return true;
    }

    @Override
    public void delete(UUID id) {
        rows.deleteById(id);
    }

    @Override
    public Optional<SipTrunk> findById(UUID id) {
        return rows.findById(id).map(JdbcTrunkRepository::toTrunk);
    }

    @Override
    public Optional<SipTrunk> findByName(String name) {
        return rows.findByName(name).map(JdbcTrunkRepository::toTrunk);
    }

    @Override
    public List<SipTrunk> list() {
        return rows.listOrderByName().stream().map(JdbcTrunkRepository::toTrunk).toList();
    }

    @Override
    public List<SipTrunk> listActive() {
        return rows.findByStatusOrderByName(ACTIVE).stream().map(JdbcTrunkRepository::toTrunk).toList();
    }

    private static SipTrunkRow toRow(SipTrunk trunk) {
        return new SipTrunkRow(trunk.id(), trunk.tenant() == null ? null : trunk.tenant().value(), trunk.name(),
                trunk.provider(), trunk.proxy(), trunk.username(), trunk.passwordEncrypted(), trunk.transport(),
                trunk.codecs().toArray(String[]::new), trunk.register(), trunk.maxChannels(),
                trunk.active() ? ACTIVE : "inactive", trunk.createdAt(), trunk.updatedAt());
    }

    private static SipTrunk toTrunk(SipTrunkRow row) {
        return new SipTrunk(row.id(), row.tenantId() == null ? null : TenantId.of(row.tenantId()), row.name(),
                row.provider(), row.proxy(), row.username(), row.passwordEnc(), row.transport(),
                List.of(row.codecs()), row.register(), row.maxChannels(), ACTIVE.equals(row.status()),
                row.createdAt(), row.updatedAt());
    }
}
