package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds what call-control commands act on, as the actor may see it: a live leg of its tenant
 * (users: a leg of their own extension's calls), an active extension of its tenant.
 */
public final class CallAccess {

    private final LiveChannels live;
    private final ExtensionRepository extensions;
    private final TenantRepository tenants;

    public CallAccess(LiveChannels live, ExtensionRepository extensions, TenantRepository tenants) {
        this.live = live;
        this.extensions = extensions;
        this.tenants = tenants;
    }

    /** Unknown or ended → 400 (as the SDK documents); another tenant's → 404. */
    public LiveChannel channel(Actor actor, UUID uuid) {
        LiveChannel channel = live.find(uuid).orElseThrow(() -> DomainException.badRequest("CALL_NOT_FOUND",
                "Call " + uuid + " was not found or has already ended"));
        if (!actor.sees(channel.tenant()) || !ownedByUser(actor, channel)) {
            throw DomainException.notFound("Call");
        }
        return channel;
    }

    /**
     * Whether a user principal's own extension takes part in the leg's call. Matched by the leg's
     * id: the leg given may have been read before its state last changed (answered, held, bridged).
     */
    public boolean ownedByUser(Actor actor, LiveChannel channel) {
        return !actor.isUser() || visibleTo(actor, live.list(Optional.of(channel.tenant()))).stream()
                .anyMatch(leg -> leg.uuid().equals(channel.uuid()));
    }

    /**
     * The legs of {@code legs} the actor may see: all of them, or for a user principal every leg
     * of the calls its own extension takes part in. One lookup of the user's extension number
     * and one pass over the legs, however many there are.
     */
    public List<LiveChannel> visibleTo(Actor actor, List<LiveChannel> legs) {
        if (!actor.isUser()) {
            return legs;
        }
        Optional<String> own = extensions.findById(actor.tenant(), actor.principal().extensionId())
                .map(e -> e.number().value());
        if (own.isEmpty()) {
            return List.of();
        }
        Set<UUID> ownCalls = legs.stream()
                .filter(c -> own.get().equals(c.extension()))
                .map(LiveChannel::callUuid)
                .collect(Collectors.toSet());
        return legs.stream().filter(c -> ownCalls.contains(c.callUuid())).toList();
    }

    /** An existing, active extension of the tenant, named in {@code field}. */
    public Extension activeExtension(TenantId tenant, String number, String field) {
        ExtensionNumber parsed = ExtensionNumber.parse(number, field);
        Extension extension = extensions.findByNumber(tenant, parsed).orElseThrow(() ->
                DomainException.invalid(field, "extension " + parsed + " does not exist in this tenant"));
        if (!extension.isActive()) {
            throw DomainException.invalid(field, "extension " + parsed + " is disabled");
        }
        return extension;
    }

    /** The tenant's extension with this number, if it is a valid number and exists. */
    public Optional<Extension> findExtension(TenantId tenant, String number) {
        if (number == null || !ExtensionNumber.isValid(number)) {
            return Optional.empty();
        }
        return extensions.findByNumber(tenant, ExtensionNumber.parse(number, "extension"));
    }

    public Tenant tenant(TenantId id) {
        return tenants.findById(id).orElseThrow(() -> DomainException.notFound("Tenant"));
    }
}
