package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.routing.IvrMenu.IvrOption;
import com.cloudpbx.core.routing.IvrMenuDraft.OptionDraft;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, changes and removes a tenant's IVR menus. An option may send the call to another menu
 * of the tenant, or to the menu itself: menus nest, and the routing engine cuts loops at call time.
 */
public final class IvrMenus {

    static final Set<RouteAction> ACTIONS = EnumSet.of(RouteAction.EXTENSION, RouteAction.IVR, RouteAction.QUEUE,
            RouteAction.RING_GROUP, RouteAction.VOICEMAIL, RouteAction.CONFERENCE, RouteAction.EXTERNAL,
            RouteAction.HANGUP);
    private static final String RESOURCE = "ivr_menu";
    private static final int DEFAULT_TIMEOUT = 5;
    private static final int DEFAULT_RETRIES = 3;

    private final ConfigurationChanges changes;
    private final IvrMenuRepository menus;
    private final TenantRepository tenants;
    private final RouteTargets targets;
    private final RoutingReferences references;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public IvrMenus(IvrMenuRepository menus, TenantRepository tenants, Transactions transactions, AuditRecorder audit,
                    Clock clock, RouteTargets targets, RoutingReferences references, ConfigurationChanges changes) {
        this.changes = changes;
        this.menus = menus;
        this.tenants = tenants;
        this.targets = targets;
        this.references = references;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<IvrMenu> list(Actor actor) {
        actor.require(Resource.IVR_MENUS, Access.READ);
        return RoutingListing.of(actor.tenantScope(), menus.list(actor.tenantScope()), tenants);
    }

    public IvrMenu get(Actor actor, UUID id) {
        actor.require(Resource.IVR_MENUS, Access.READ);
        return visible(actor, menus.findInScope(actor.tenantScope(), id));
    }

    public IvrMenu create(Actor actor, IvrMenuDraft draft) {
        actor.require(Resource.IVR_MENUS, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return signalled(transactions.inTransaction(() -> {
            String name = Checks.requireText(draft.name(), "name", 100);
            refuseTakenName(tenant, name, null);
            Instant now = clock.instant();
            var menu = new IvrMenu(UUID.randomUUID(), tenant, name, Greetings.require(draft.greeting(), "greeting"),
                    Ranges.within(draft.timeoutSeconds(), DEFAULT_TIMEOUT, 1, 60, "timeoutSeconds"),
                    Ranges.within(draft.maxRetries(), DEFAULT_RETRIES, 0, 10, "maxRetries"),
                    options(tenant, draft.options()),
                    draft.timeoutAction() == null && draft.timeoutTarget() == null ? RouteTarget.hangup()
                            : timeout(tenant, draft.timeoutAction(), draft.timeoutTarget()),
                    now, now);
            menus.insert(menu);
            audit.record(actor, tenant, "create", RESOURCE, menu.id());
            return menu;
        }));
    }

    public IvrMenu update(Actor actor, UUID id, IvrMenuChanges changes) {
        actor.require(Resource.IVR_MENUS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            IvrMenu current = visible(actor, menus.lockInScope(actor.tenantScope(), id));
            TenantId tenant = current.tenant();
            String name = changes.name().present() ? Checks.requireText(changes.name().value(), "name", 100)
                    : current.name();
            if (!name.equals(current.name())) {
                refuseTakenName(tenant, name, id);
            }
            var next = new IvrMenu(id, tenant, name,
                    changes.greeting().present() ? Greetings.require(changes.greeting().value(), "greeting")
                            : current.greeting(),
                    Ranges.changed(changes.timeoutSeconds(), current.timeoutSeconds(), 1, 60, "timeoutSeconds"),
                    Ranges.changed(changes.maxRetries(), current.maxRetries(), 0, 10, "maxRetries"),
                    changes.options().present() ? options(tenant, changes.options().value()) : current.options(),
                    changedTimeout(tenant, current.timeout(), changes),
                    current.createdAt(), clock.instant());
            if (!menus.update(next)) {
                throw DomainException.notFound("IVR menu");
            }
            audit.record(actor, tenant, "update", RESOURCE, id);
            return next;
        }));
    }

    /** Refused while a DID, schedule, group, menu or queue still sends calls here; a menu naming itself does not count. */
    public IvrMenu delete(Actor actor, UUID id) {
        actor.require(Resource.IVR_MENUS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            IvrMenu current = visible(actor, menus.lockInScope(actor.tenantScope(), id));
            references.requireUnused(current.tenant(), RouteAction.IVR, id.toString(), "IVR menu '" + current.name() + "'");
            menus.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    private List<IvrOption> options(TenantId tenant, List<OptionDraft> drafts) {
        if (drafts == null) {
            return List.of();
        }
        List<IvrOption> options = new ArrayList<>();
        Set<String> digits = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "options[" + i + "]";
            OptionDraft draft = drafts.get(i);
            if (draft == null) {
                throw DomainException.invalid(field, "is required");
            }
            String digit = draft.digit() == null ? null : draft.digit().strip();
            if (digit == null || !digit.matches("^[0-9*#]$")) {
                throw DomainException.invalid(field + ".digit", "must be one key: 0-9, * or #");
            }
            if (!digits.add(digit)) {
                throw DomainException.invalid(field + ".digit", "key " + digit + " is used by another option");
            }
            options.add(new IvrOption(digit, targets.resolve(tenant, draft.action(), draft.target(), ACTIONS,
                    field + ".action", field + ".target")));
        }
        return options;
    }

    private RouteTarget timeout(TenantId tenant, String action, String target) {
        return targets.resolve(tenant, action, target, ACTIONS, "timeoutAction", "timeoutTarget");
    }

    /** A new action without a target drops the old target; a new target alone keeps the action. */
    private RouteTarget changedTimeout(TenantId tenant, RouteTarget current, IvrMenuChanges changes) {
        if (!changes.timeoutAction().present() && !changes.timeoutTarget().present()) {
            return current;
        }
        String action = changes.timeoutAction().present() ? changes.timeoutAction().value()
                : current.action().wireName();
        String target = changes.timeoutTarget().present() ? changes.timeoutTarget().value()
                : changes.timeoutAction().present() ? null : current.target();
        return timeout(tenant, action, target);
    }

    private void refuseTakenName(TenantId tenant, String name, UUID self) {
        Optional<IvrMenu> holder = menus.findByName(tenant, name);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw DomainException.badRequest("DUPLICATE", "IVR menu '" + name + "' already exists");
        }
    }

    private static IvrMenu visible(Actor actor, Optional<IvrMenu> found) {
        return actor.visible(found, IvrMenu::tenant, "IVR menu");
    }

    /** The tenant's routing reads the change once it is committed. */
    private IvrMenu signalled(IvrMenu changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
