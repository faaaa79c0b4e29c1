package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.TenantId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A blocklist in a map, for use-case tests. */
public final class MapBlocklistRepository implements BlocklistRepository {

    private static final Comparator<BlockedNumber> OLDEST_FIRST = Comparator.comparing(BlockedNumber::createdAt);

    private final Map<UUID, BlockedNumber> rows = new LinkedHashMap<>();

    @Override
    public synchronized void insert(BlockedNumber entry) {
        if (exists(entry.tenant(), entry.pattern())) {
            throw BlocklistManagement.duplicate(entry.pattern());
        }
        rows.put(entry.id(), entry);
    }

    @Override
    public synchronized boolean update(BlockedNumber entry) {
        BlockedNumber current = rows.get(entry.id());
        if (current == null || !current.tenant().equals(entry.tenant())) {
            return false;
        }
        rows.put(entry.id(), current.with(entry.reason(), entry.direction()));
        return true;
    }

    @Override
    public synchronized void delete(TenantId tenant, UUID id) {
        rows.computeIfPresent(id, (key, row) -> row.tenant().equals(tenant) ? null : row);
    }

    @Override
    public synchronized Optional<BlockedNumber> findById(TenantId tenant, UUID id) {
        return Optional.ofNullable(rows.get(id)).filter(row -> row.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<BlockedNumber> findByIdInAnyTenant(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean exists(TenantId tenant, BlockPattern pattern) {
        return rows.values().stream().anyMatch(row -> row.tenant().equals(tenant) && row.pattern().equals(pattern));
    }

    @Override
    public synchronized List<BlockedNumber> list(TenantId tenant) {
        return rows.values().stream().filter(row -> row.tenant().equals(tenant)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<BlockedNumber> listAll() {
        return rows.values().stream().sorted(OLDEST_FIRST).toList();
    }
}
