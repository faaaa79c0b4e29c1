package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain map-backed store for tests of the use cases. Concurrent maps: in the backend contracts
 * the switch's events write to it on their own thread while the test and the use cases read it.
 */
public final class MapLiveCallStore implements LiveCallStore {

    private final Map<UUID, LiveChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, UUID> slots = new ConcurrentHashMap<>();
    private final Map<UUID, CallTrail> trails = new ConcurrentHashMap<>();
    private final Map<UUID, MediaEvent.ChannelHungUp> ended = new ConcurrentHashMap<>();
    private final Map<UUID, MediaEvent.ChannelHungUp> early = new ConcurrentHashMap<>();
    private final Map<UUID, AttendedTransfer> transfers = new ConcurrentHashMap<>();

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

    @Override
    public List<LiveChannel> list(Optional<TenantId> tenant) {
        return channels.values().stream().filter(c -> tenant.map(c.tenant()::equals).orElse(true)).toList();
    }

    @Override
    public boolean claimParkSlot(TenantId tenant, String slot, UUID uuid) {
        UUID holder = slots.putIfAbsent(tenant + "/" + slot, uuid);
        return holder == null || holder.equals(uuid);
    }

    @Override
    public void releaseParkSlot(TenantId tenant, String slot) {
        slots.remove(tenant + "/" + slot);
    }

    @Override
    public Optional<UUID> parkedIn(TenantId tenant, String slot) {
        return Optional.ofNullable(slots.get(tenant + "/" + slot));
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
        ended.put(hangup.uuid(), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid) {
        return Optional.ofNullable(ended.get(uuid));
    }

    @Override
    public void holdEarlyHangup(MediaEvent.ChannelHungUp hangup) {
        early.put(hangup.uuid(), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid) {
        return Optional.ofNullable(early.remove(uuid));
    }

    @Override
    public void saveTransfer(AttendedTransfer transfer) {
        transfers.put(transfer.consult(), transfer);
    }

    @Override
    public Optional<AttendedTransfer> transferByLeg(UUID uuid) {
        return transfers.values().stream().filter(t -> t.involves(uuid)).findFirst();
    }

    @Override
    public void removeTransfer(AttendedTransfer transfer) {
        transfers.remove(transfer.consult());
    }
}
