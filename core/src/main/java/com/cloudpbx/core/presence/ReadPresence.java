package com.cloudpbx.core.presence;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.presence.port.PresenceSubjects;
import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The presence of a tenant's extensions, derived when asked from what already holds it: the
 * stored extensions (do-not-disturb, the presence set by hand), the live calls and the phones'
 * registrations — one read of each, whatever the number of extensions (no lookup per extension),
 * so a tenant of 10,000 answers in milliseconds. A user sees its own extension only.
 */
public final class ReadPresence {

    private final PresenceSubjects subjects;
    private final ExtensionRepository extensions;
    private final TenantRepository tenants;
    private final LiveChannels live;
    private final Registrations registrations;

    public ReadPresence(PresenceSubjects subjects, ExtensionRepository extensions, TenantRepository tenants,
                        LiveChannels live, Registrations registrations) {
        this.subjects = subjects;
        this.extensions = extensions;
        this.tenants = tenants;
        this.live = live;
        this.registrations = registrations;
    }

    /** By extension number, in number order. */
    public Map<String, ExtensionPresence> of(Actor actor) {
        actor.require(Resource.PRESENCE, Access.READ);
        TenantId tenantId = actor.requireTenant();
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> DomainException.notFound("Tenant"));
        // A user reads its own row, not the tenant's thousands.
        List<PresenceSubject> shown = actor.isUser()
                ? extensions.findById(tenantId, actor.principal().extensionId()).map(PresenceSubject::of).stream()
                        .toList()
                : subjects.ofTenant(tenantId);
        Map<String, List<LiveChannel>> legs = live.list(Optional.of(tenantId)).stream()
                .filter(channel -> channel.extension() != null)
                .collect(Collectors.groupingBy(LiveChannel::extension));
        Set<String> registered = registrations.registered(tenant.sipDomain(),
                shown.stream().map(PresenceSubject::number).toList());
        Map<String, ExtensionPresence> presence = new LinkedHashMap<>();
        for (PresenceSubject extension : shown) {
            String number = extension.number();
            presence.put(number, PresenceRules.of(extension, legs.getOrDefault(number, List.of()),
                    registered.contains(number)));
        }
        return presence;
    }
}
