package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tenant's blocklist: entries added, changed, removed and a number checked against them. */
public final class BlocklistManagement {

    private static final String RESOURCE = "blocklist";
    private static final int MAX_REASON = 255;

    private final ConfigurationChanges changes;
    private final BlocklistRepository entries;
    private final TenantRepository tenants;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public BlocklistManagement(BlocklistRepository entries, TenantRepository tenants, Transactions transactions,
                               AuditRecorder audit, Clock clock,
            ConfigurationChanges changes) {
        this.changes = changes;
        this.entries = entries;
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public BlocklistListing list(Actor actor) {
        actor.require(Resource.BLOCKLIST, Access.READ);
        if (actor.tenantScope().isPresent()) {
            return new BlocklistListing(entries.list(actor.tenantScope().get()), Map.of());
        }
        List<BlockedNumber> all = entries.listAll();
        Map<TenantId, Tenant> named = tenants.findAll().stream()
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        return new BlocklistListing(all, named);
    }

    public BlockedNumber get(Actor actor, UUID id) {
        actor.require(Resource.BLOCKLIST, Access.READ);
        return visible(actor, id);
    }

    public BlockedNumber create(Actor actor, NewBlockedNumber request) {
        actor.require(Resource.BLOCKLIST, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        BlockPattern pattern = BlockPattern.parse(request.number(), "number");
        String reason = reason(request.reason());
        BlockDirection direction = request.direction() == null ? BlockDirection.BOTH
                : BlockDirection.parse(request.direction(), "direction");
        var entry = new BlockedNumber(UUID.randomUUID(), tenant, pattern, reason, direction, clock.instant());
        return signalled(transactions.inTransaction(() -> {
            tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
            if (entries.exists(tenant, pattern)) {
                throw duplicate(pattern);
            }
            entries.insert(entry);
            audit.record(actor, tenant, "create", RESOURCE, entry.id());
            return entry;
        }));
    }

    public BlockedNumber update(Actor actor, UUID id, BlockedNumberChanges changes) {
        actor.require(Resource.BLOCKLIST, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            BlockedNumber current = visible(actor, id);
            String reason = changes.reason().present() ? reason(changes.reason().value()) : current.reason();
            BlockDirection direction = changes.direction().present()
                    ? BlockDirection.parse(changes.direction().value(), "direction") : current.direction();
            BlockedNumber next = current.with(reason, direction);
            if (!entries.update(next)) {
                throw DomainException.notFound("Blocked number");
            }
            audit.record(actor, current.tenant(), "update", RESOURCE, id);
            return next;
        }));
    }

    public BlockedNumber delete(Actor actor, UUID id) {
        actor.require(Resource.BLOCKLIST, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            BlockedNumber current = visible(actor, id);
            entries.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    /**
     * Whether the tenant blocks {@code number} in any direction, and the entry that does. A value
     * that is no number and no withheld caller id is simply not blocked: callers check whatever
     * caller id a call showed.
     */
    public Optional<BlockedNumber> check(Actor actor, String number) {
        actor.require(Resource.BLOCKLIST, Access.READ);
        TenantId tenant = actor.requireTenant();
        return BlockRules.match(entries.list(tenant), BlockDirection.BOTH, number == null ? "" : number);
    }

    static DomainException duplicate(BlockPattern pattern) {
        return DomainException.badRequest("DUPLICATE", pattern.wire() + " is already blocked");
    }

    private BlockedNumber visible(Actor actor, UUID id) {
        return actor.visible(entries.findInScope(actor.tenantScope(), id), BlockedNumber::tenant, "Blocked number");
    }

    private static String reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Checks.requireText(value, "reason", MAX_REASON);
    }

    /** The tenant's routing reads the change once it is committed. */
    private BlockedNumber signalled(BlockedNumber changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
