package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Paging groups in a map; a member whose extension is gone from {@code extensions} is no longer listed. */
public final class MapPagingGroupRepository implements PagingGroupRepository {

    private final Map<UUID, PagingGroup> groups = new LinkedHashMap<>();
    private final ExtensionRepository extensions;

    public MapPagingGroupRepository(ExtensionRepository extensions) {
        this.extensions = extensions;
    }

    @Override
    public synchronized void insert(PagingGroup group) {
        requireFree(group);
        groups.put(group.id(), group);
    }

    @Override
    public synchronized boolean update(PagingGroup group) {
        PagingGroup current = groups.get(group.id());
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
    public synchronized Optional<PagingGroup> findById(TenantId tenant, UUID id) {
        return findByIdInAnyTenant(id).filter(group -> group.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<PagingGroup> findByIdInAnyTenant(UUID id) {
        return Optional.ofNullable(groups.get(id)).map(this::current);
    }

    @Override
    public synchronized Optional<PagingGroup> lockInScope(Optional<TenantId> scope, UUID id) {
        return findInScope(scope, id);
    }

    @Override
    public synchronized Optional<PagingGroup> findByName(TenantId tenant, String name) {
        return list(Optional.of(tenant)).stream().filter(group -> group.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Optional<PagingGroup> findByExtensionCode(TenantId tenant, String extensionCode) {
        return list(Optional.of(tenant)).stream().filter(group -> group.extensionCode().equals(extensionCode))
                .findFirst();
    }

    @Override
    public synchronized List<PagingGroup> list(Optional<TenantId> tenant) {
        return groups.values().stream().filter(group -> tenant.map(group.tenant()::equals).orElse(true))
                .sorted(Comparator.comparing((PagingGroup group) -> group.tenant().value()).thenComparing(PagingGroup::name))
                .map(this::current).toList();
    }

    private PagingGroup current(PagingGroup group) {
        List<String> members = group.members().stream()
                .filter(number -> extensions.findByNumber(group.tenant(), new ExtensionNumber(number)).isPresent())
                .toList();
        return new PagingGroup(group.id(), group.tenant(), group.name(), group.description(), group.extensionCode(),
                members, group.createdAt(), group.updatedAt());
    }

    private void requireFree(PagingGroup group) {
        boolean taken = groups.values().stream().anyMatch(other -> !other.id().equals(group.id())
                && other.tenant().equals(group.tenant())
                && (other.name().equals(group.name()) || other.extensionCode().equals(group.extensionCode())));
        if (taken) {
            throw DomainException.badRequest("DUPLICATE", "Paging group '" + group.name() + "' already exists");
        }
    }
}
