package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Ring groups in a map; a member whose extension is gone from {@code extensions} is no longer listed. */
public final class MapRingGroupRepository implements RingGroupRepository {

    private final Map<UUID, RingGroup> groups = new LinkedHashMap<>();
    private final ExtensionRepository extensions;

    public MapRingGroupRepository(ExtensionRepository extensions) {
        this.extensions = extensions;
    }

    @Override
    public synchronized void insert(RingGroup group) {
        requireFree(group);
        groups.put(group.id(), group);
    }

    @Override
    public synchronized boolean update(RingGroup group) {
        RingGroup current = groups.get(group.id());
        if (current == null || !current.tenant().equals(group.tenant())) {
            return false;
        }
        requireFree(group);
        groups.put(group.id(), group);
        return true;
    }

    @Override
    public synchronized void delete(TenantId tenant, UUID id) {
        groups.computeIfPresent(id, (key, group) -> group.tenant().equals(tenant) ? null : group);
    }

    @Override
    public synchronized Optional<RingGroup> findById(TenantId tenant, UUID id) {
        return findByIdInAnyTenant(id).filter(group -> group.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<RingGroup> findByIdInAnyTenant(UUID id) {
        return Optional.ofNullable(groups.get(id)).map(this::current);
    }

    @Override
    public synchronized Optional<RingGroup> lockInScope(Optional<TenantId> scope, UUID id) {
        return findInScope(scope, id);
    }

    @Override
    public synchronized Optional<RingGroup> findByName(TenantId tenant, String name) {
        return list(Optional.of(tenant)).stream().filter(group -> group.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<RingGroup> list(Optional<TenantId> tenant) {
        return groups.values().stream().filter(group -> tenant.map(group.tenant()::equals).orElse(true))
                .sorted(Comparator.comparing((RingGroup group) -> group.tenant().value()).thenComparing(RingGroup::name))
                .map(this::current).toList();
    }

    @Override
    public synchronized List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return list(Optional.of(tenant)).stream().filter(group -> group.noAnswer().pointsAt(kind, target))
                .map(group -> new Referrer("ring group", group.id(), group.name(), "no-answer target")).toList();
    }

    private RingGroup current(RingGroup group) {
        List<RingGroup.Member> members = group.members().stream()
                .filter(m -> extensions.findByNumber(group.tenant(), new ExtensionNumber(m.extension())).isPresent())
                .toList();
        return new RingGroup(group.id(), group.tenant(), group.name(), group.strategy(), group.ringTimeoutSeconds(),
                group.noAnswer(), members, group.createdAt(), group.updatedAt());
    }

    private void requireFree(RingGroup group) {
        boolean taken = groups.values().stream().anyMatch(other -> !other.id().equals(group.id())
                && other.tenant().equals(group.tenant()) && other.name().equals(group.name()));
        if (taken) {
            throw DomainException.badRequest("DUPLICATE", "Ring group '" + group.name() + "' already exists");
        }
    }
}
