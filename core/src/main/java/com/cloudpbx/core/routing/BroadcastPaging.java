package com.cloudpbx.core.routing;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pages a group from the API: the caller's phone and each member's are rung with auto-answer; after
 * at most {@code answerWait}, members whose phone answered are online and join the caller's room,
 * muted ({@link PagingBroadcast}); the others are offline and their legs are hung up. A member
 * that is disabled or in do-not-disturb is offline without being rung.
 */
public final class BroadcastPaging {

    private static final Duration POLL = Duration.ofMillis(20);

    private final PagingGroupRepository groups;
    private final MemberExtensions extensions;
    private final ExtensionRepository extensionStore;
    private final TenantRepository tenants;
    private final LegControl media;
    private final LiveChannels live;
    private final PagingBroadcast broadcast;
    private final Duration answerWait;

    public BroadcastPaging(PagingGroupRepository groups, ExtensionRepository extensions, TenantRepository tenants,
                           LegControl media, LiveChannels live, PagingBroadcast broadcast, Duration answerWait) {
        this.groups = groups;
        this.extensions = new MemberExtensions(extensions);
        this.extensionStore = extensions;
        this.tenants = tenants;
        this.media = media;
        this.live = live;
        this.broadcast = broadcast;
        this.answerWait = answerWait;
    }

    public PageResult broadcast(Actor actor, UUID groupId, String callerExtension) {
        actor.require(Resource.PAGING_GROUPS, Access.WRITE);
        PagingGroup group = PagingGroups.seenBy(actor, groups.findInScope(actor.tenantScope(), groupId));
        Tenant tenant = tenants.findById(group.tenant()).orElseThrow(() -> DomainException.notFound("Tenant"));
        Extension caller = extensions.activeExtension(tenant.id(), callerExtension, "callerExtension");
        List<String> paged = group.members().stream().filter(m -> !m.equals(caller.number().value())).toList();
        Map<String, UUID> rung = new LinkedHashMap<>();
        for (String member : paged) {
            if (reachable(tenant, member)) {
                rung.put(member, UUID.randomUUID());
            }
        }
        if (rung.isEmpty()) {
            throw noneOnline();
        }
        UUID callerLeg = UUID.randomUUID();
        List<UUID> all = new ArrayList<>();
        try {
            ring(tenant, callerLeg, caller.number().value(), caller, group.name());
            all.add(callerLeg);
            for (Map.Entry<String, UUID> member : rung.entrySet()) {
                ring(tenant, member.getValue(), member.getKey(), caller, group.name());
                all.add(member.getValue());
            }
        } catch (RuntimeException refused) {
            // The switch refused one leg: the page does not go out half-made.
            all.forEach(this::hangUpQuietly);
            throw refused;
        }
        Set<UUID> answered = awaitAnswers(all);
        List<UUID> online = rung.values().stream().filter(answered::contains).toList();
        rung.values().stream().filter(leg -> !answered.contains(leg)).forEach(this::hangUpQuietly);
        if (!answered.contains(callerLeg)) {
            online.forEach(this::hangUpQuietly);
            hangUpQuietly(callerLeg);
            throw DomainException.badRequest("CALLER_OFFLINE",
                    "Extension " + caller.number() + " did not answer the page");
        }
        if (online.isEmpty()) {
            hangUpQuietly(callerLeg);
            throw noneOnline();
        }
        String room;
        try {
            room = broadcast.broadcast(tenant.id(), callerLeg, online);
        } catch (RuntimeException failed) {
            // A leg hung up between answering and joining, or the switch refused: nobody is left paged half-way.
            online.forEach(this::hangUpQuietly);
            hangUpQuietly(callerLeg);
            throw failed;
        }
        List<PageResult.MemberResult> results = paged.stream()
                .map(member -> new PageResult.MemberResult(member,
                        rung.containsKey(member) && answered.contains(rung.get(member))))
                .toList();
        return new PageResult(callerLeg, group.name(), room, online.size(), online.size(), paged.size(), results);
    }

    /** Disabled, deleted meanwhile, or do-not-disturb: not rung. */
    private boolean reachable(Tenant tenant, String member) {
        return ExtensionNumber.isValid(member) && extensionStore.findByNumber(tenant.id(), new ExtensionNumber(member))
                .filter(e -> e.isActive() && !e.doNotDisturb()).isPresent();
    }

    private void ring(Tenant tenant, UUID leg, String extension, Extension caller, String groupName) {
        media.intercom(new IntercomCall(leg, tenant.id(), Destination.extension(extension, tenant.sipDomain()),
                caller.number().value(), groupName, answerWait));
    }

    /** The legs that answered within the wait; returns early once every leg answered or ended. */
    private Set<UUID> awaitAnswers(List<UUID> legs) {
        long deadline = System.nanoTime() + answerWait.toNanos();
        Set<UUID> seen = new HashSet<>();
        while (true) {
            Set<UUID> answered = new HashSet<>();
            boolean settled = true;
            for (UUID leg : legs) {
                Optional<LiveChannel> channel = live.find(leg);
                channel.ifPresent(c -> seen.add(leg));
                if (channel.map(LiveChannel::answered).orElse(false)) {
                    answered.add(leg);
                } else if (channel.isPresent() || !seen.contains(leg)) {
                    settled = false;
                }
            }
            if (settled || System.nanoTime() >= deadline) {
                return answered;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answered;
            }
        }
    }

    private void hangUpQuietly(UUID leg) {
        try {
            media.hangup(leg);
        } catch (DomainException alreadyGone) {
            // The leg ended by itself meanwhile (it failed, or gave up ringing): nothing to hang up.
        }
    }

    private static DomainException noneOnline() {
        return DomainException.badRequest("NO_MEMBERS_ONLINE", "No members are online");
    }
}
