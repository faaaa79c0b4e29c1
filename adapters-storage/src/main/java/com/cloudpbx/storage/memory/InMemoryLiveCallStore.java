package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.AttendedTransfer;
import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.shared.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live calls in this node's memory, for a single API node (the embedded defaults). Lost on
 * restart, which is acceptable there: the media server's calls end with the node's view of them.
 */
@Singleton
public class InMemoryLiveCallStore implements LiveCallStore {

    /** Long enough for any straggling event about a leg; short enough to hold little. */
    static final Duration KEEP_ENDED_FOR = Duration.ofMinutes(10);
    static final int MAX_ENDED = 100_000;

    /** Park slots are per tenant: the same slot number in two tenants is two slots. */
    private record SlotKey(TenantId tenant, String slot) {
    }

    private final Map<UUID, LiveChannel> channels = new ConcurrentHashMap<>();
    private final Map<SlotKey, UUID> parkSlots = new ConcurrentHashMap<>();
    private final Map<UUID, CallTrail> trails = new ConcurrentHashMap<>();
    /** Each transfer under each of its three legs, so any leg's event finds it at once. */
    private final Map<UUID, AttendedTransfer> transfersByLeg = new ConcurrentHashMap<>();
    private final RecentHangups ended;
    private final RecentHangups early;

    @Inject
    public InMemoryLiveCallStore(Clock clock) {
        this(clock, KEEP_ENDED_FOR, MAX_ENDED);
    }

    InMemoryLiveCallStore(Clock clock, Duration keepEndedFor, int maxEnded) {
        this.ended = new RecentHangups(clock, keepEndedFor, maxEnded);
        this.early = new RecentHangups(clock, keepEndedFor, maxEnded);
    }

    @Override
    public void put(LiveChannel channel) {
        channels.put(channel.uuid(), channel);
    }

    @Override
    public Optional<LiveChannel> find(UUID uuid) {
        return Optional.ofNullable(channels.get(uuid));
    }

    @Override
    public void remove(UUID uuid) {
        channels.remove(uuid);
    }

    /** Oldest call first, so a list read twice shows its channels in the same order. */
    @Override
    public List<LiveChannel> list(Optional<TenantId> tenant) {
        return channels.values().stream()
                .filter(channel -> tenant.map(channel.tenant()::equals).orElse(true))
                .sorted(Comparator.comparing(LiveChannel::startedAt).thenComparing(LiveChannel::uuid))
                .toList();
    }

    /** Claiming again for the leg that holds the slot succeeds, so a repeated event is harmless. */
    @Override
    public boolean claimParkSlot(TenantId tenant, String slot, UUID uuid) {
        UUID holder = parkSlots.putIfAbsent(new SlotKey(tenant, slot), uuid);
        return holder == null || holder.equals(uuid);
    }

    @Override
    public void releaseParkSlot(TenantId tenant, String slot) {
        parkSlots.remove(new SlotKey(tenant, slot));
    }

    @Override
    public Optional<UUID> parkedIn(TenantId tenant, String slot) {
        return Optional.ofNullable(parkSlots.get(new SlotKey(tenant, slot)));
    }

    @Override
    public Optional<CallTrail> trail(UUID callUuid) {
        return Optional.ofNullable(trails.get(callUuid));
    }

    @Override
    public void saveTrail(CallTrail trail) {
        trails.put(trail.callUuid(), trail);
    }

    @Override
    public void removeTrail(UUID callUuid) {
        trails.remove(callUuid);
    }

    @Override
    public void markEnded(MediaEvent.ChannelHungUp hangup) {
        ended.remember(hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid) {
        return ended.find(uuid);
    }

    @Override
    public void holdEarlyHangup(MediaEvent.ChannelHungUp hangup) {
        early.remember(hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid) {
        return early.take(uuid);
    }

    @Override
    public void saveTransfer(AttendedTransfer transfer) {
        for (UUID leg : legsOf(transfer)) {
            transfersByLeg.put(leg, transfer);
        }
    }

    @Override
    public Optional<AttendedTransfer> transferByLeg(UUID uuid) {
        return Optional.ofNullable(transfersByLeg.get(uuid));
    }

    @Override
    public void removeTransfer(AttendedTransfer transfer) {
        for (UUID leg : legsOf(transfer)) {
            transfersByLeg.computeIfPresent(leg, (key, held) -> held.consult().equals(transfer.consult()) ? null : held);
        }
    }

    private static List<UUID> legsOf(AttendedTransfer transfer) {
        return List.of(transfer.transferor(), transfer.party(), transfer.consult());
    }
}
