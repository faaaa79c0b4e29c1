package com.cloudpbx.storage.postgres.blocklist;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Blocklist entries in PostgreSQL, through Micronaut Data; the pattern is kept in its wire form. */
@Singleton
@Connectable
public class JdbcBlocklistRepository implements BlocklistRepository {

    private final BlockedNumberRows rows;

    public JdbcBlocklistRepository(BlockedNumberRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(BlockedNumber entry) {
        UniqueViolations.translate(() -> rows.save(toRow(entry)), () -> entry.pattern().wire() + " is already blocked");
    }

    /** Reason and direction only: the row is read in the tenant first, so another tenant's id changes nothing. */
    @Override
    public boolean update(BlockedNumber entry) {
        Optional<BlockedNumberRow> current = rows.findByTenantIdAndId(entry.tenant().value(), entry.id());
        if (current.isEmpty()) {
            return false;
        }
        BlockedNumberRow row = current.get();
        rows.update(new BlockedNumberRow(row.id(), row.tenantId(), row.number(), entry.reason(),
                entry.direction().wireName(), row.createdAt()));
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        rows.deleteByTenantIdAndId(tenant.value(), id);
    }

    @Override
    public Optional<BlockedNumber> findById(TenantId tenant, UUID id) {
        return rows.findByTenantIdAndId(tenant.value(), id).map(JdbcBlocklistRepository::toEntry);
    }

    @Override
    public Optional<BlockedNumber> findByIdInAnyTenant(UUID id) {
        return rows.findById(id).map(JdbcBlocklistRepository::toEntry);
    }

    @Override
    public boolean exists(TenantId tenant, BlockPattern pattern) {
        return rows.existsByTenantIdAndNumber(tenant.value(), pattern.wire());
    }

    @Override
    public List<BlockedNumber> list(TenantId tenant) {
        return rows.findByTenantIdOrderByCreatedAt(tenant.value()).stream().map(JdbcBlocklistRepository::toEntry)
                .toList();
    }

    @Override
    public List<BlockedNumber> listAll() {
        return rows.listOrderByCreatedAt().stream().map(JdbcBlocklistRepository::toEntry).toList();
    }

    private static BlockedNumberRow toRow(BlockedNumber entry) {
        return new BlockedNumberRow(entry.id(), entry.tenant().value(), entry.pattern().wire(), entry.reason(),
                entry.direction().wireName(), entry.createdAt());
    }

    private static BlockedNumber toEntry(BlockedNumberRow row) {
        return new BlockedNumber(row.id(), TenantId.of(row.tenantId()), BlockPattern.ofWire(row.number()),
                row.reason(), BlockDirection.parse(row.direction(), "direction"), row.createdAt());
    }
}
