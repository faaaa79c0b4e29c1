package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Creates, changes and removes the paging groups of the actor's tenant; every write is audited. */
public final class PagingGroups {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;
    private static final Pattern CODE = Pattern.compile("^\\*\\d{1,6}$");
    private static final String RESOURCE = "paging_group";
    private static final String WHAT = "Paging group";

    private final PagingGroupRepository groups;
    private final MemberExtensions members;
    private final TenantRepository tenants;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public PagingGroups(PagingGroupRepository groups, ExtensionRepository extensions, TenantRepository tenants,
                        Transactions transactions, AuditRecorder audit, Clock clock) {
        this.groups = groups;
        this.members = new MemberExtensions(extensions);
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<PagingGroup> list(Actor actor) {
        actor.require(Resource.PAGING_GROUPS, Access.READ);
        return RoutingListing.of(actor.tenantScope(), groups.list(actor.tenantScope()), tenants);
    }

    public PagingGroup get(Actor actor, UUID id) {
        actor.require(Resource.PAGING_GROUPS, Access.READ);
        return seenBy(actor, groups.findInScope(actor.tenantScope(), id));
    }

    public PagingGroup create(Actor actor, PagingGroupRequest request) {
        actor.require(Resource.PAGING_GROUPS, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        return transactions.inTransaction(() -> {
            tenants.shareLockById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
            UUID id = UUID.randomUUID();
            String name = name(request.name().value());
            String code = extensionCode(request.extensionCode().value());
            requireFree(tenant, id, name, code);
            Instant now = clock.instant();
            var group = new PagingGroup(id, tenant, name, description(request.description().orElse(null)), code,
                    members(tenant, request.members().orElse(null)), now, now);
            groups.insert(group);
            audit.record(actor, tenant, "create", RESOURCE, id);
            return group;
        });
    }

    /** Reads, changes and writes the group holding its row lock, so concurrent updates do not interleave. */
    public PagingGroup update(Actor actor, UUID id, PagingGroupRequest request) {
        actor.require(Resource.PAGING_GROUPS, Access.WRITE);
        return transactions.inTransaction(() -> {
            PagingGroup current = seenBy(actor, groups.lockInScope(actor.tenantScope(), id));
            TenantId tenant = current.tenant();
            String name = request.name().present() ? name(request.name().value()) : current.name();
            String code = request.extensionCode().present() ? extensionCode(request.extensionCode().value())
                    : current.extensionCode();
            requireFree(tenant, id, name, code);
            String description = request.description().present() ? description(request.description().value())
                    : current.description();
            List<String> memberList = request.members().present()
                    ? members(tenant, required(request.members(), "members")) : current.members();
            var updated = new PagingGroup(id, tenant, name, description, code, memberList, current.createdAt(),
                    clock.instant());
            if (!groups.update(updated)) {
                throw DomainException.notFound(WHAT);
            }
            audit.record(actor, tenant, "update", RESOURCE, id);
            return updated;
        });
    }

    public PagingGroup delete(Actor actor, UUID id) {
        actor.require(Resource.PAGING_GROUPS, Access.WRITE);
        return transactions.inTransaction(() -> {
            PagingGroup current = seenBy(actor, groups.lockInScope(actor.tenantScope(), id));
            groups.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        });
    }

    private void requireFree(TenantId tenant, UUID self, String name, String code) {
        if (groups.findByName(tenant, name).filter(g -> !g.id().equals(self)).isPresent()) {
            throw DomainException.badRequest("DUPLICATE", WHAT + " '" + name + "' already exists");
        }
        Optional<PagingGroup> sameCode = groups.findByExtensionCode(tenant, code).filter(g -> !g.id().equals(self));
        if (sameCode.isPresent()) {
            throw DomainException.badRequest("DUPLICATE",
                    "Extension code " + code + " is already used by paging group '" + sameCode.get().name() + "'");
        }
    }

    static PagingGroup seenBy(Actor actor, Optional<PagingGroup> found) {
        return actor.visible(found, PagingGroup::tenant, WHAT);
    }

    private static String name(String value) {
        return Checks.requireText(value, "name", MAX_NAME);
    }

    private static String description(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Checks.requireText(value, "description", MAX_DESCRIPTION);
    }

    private static String extensionCode(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("extensionCode", "is required");
        }
        String code = value.strip();
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid("extensionCode", "must be * followed by 1 to 6 digits, such as *801");
        }
        return code;
    }

    private List<String> members(TenantId tenant, List<String> sent) {
        return sent == null ? List.of() : members.check(tenant, sent, Function.identity());
    }

    private static <T> T required(Change<T> change, String field) {
        if (change.value() == null) {
            throw DomainException.invalid(field, "must not be null");
        }
        return change.value();
    }
}
