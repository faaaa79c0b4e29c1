package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.AttendedTransfer;
import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: live calls derived from media events (in memory on embedded defaults, shared in Redis
 * when several API nodes run), including what each unfinished call has done so far.
 */
public interface LiveCallStore {

    void put(LiveChannel channel);

    Optional<LiveChannel> find(UUID uuid);

    void remove(UUID uuid);

    /** Every live channel; an empty tenant means all tenants. */
    List<LiveChannel> list(Optional<TenantId> tenant);

    /** Claims the slot for the leg atomically; false when the tenant's slot is taken. */
    boolean claimParkSlot(TenantId tenant, String slot, UUID uuid);

    void releaseParkSlot(TenantId tenant, String slot);

    Optional<UUID> parkedIn(TenantId tenant, String slot);

    Optional<CallTrail> trail(UUID callUuid);

    void saveTrail(CallTrail trail);

    void removeTrail(UUID callUuid);

    /**
     * Remembers how a leg ended (for a while), so repeated or late events about it are recognised,
     * and a hang-up that arrived before the leg's creation can still be applied.
     */
    void markEnded(MediaEvent.ChannelHungUp hangup);

    Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid);

    /** Keeps a hang-up that arrived before its leg's creation (for a while). */
    void holdEarlyHangup(MediaEvent.ChannelHungUp hangup);

    /** The held early hang-up of the leg, removed from the store. */
    Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid);

    /** Keeps the attended transfer, replacing the one with the same consult leg. */
    void saveTransfer(AttendedTransfer transfer);

    /** The attended transfer the leg takes part in, as transferor, held party or consult leg. */
    Optional<AttendedTransfer> transferByLeg(UUID uuid);

    void removeTransfer(AttendedTransfer transfer);
}
