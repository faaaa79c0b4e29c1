package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.AttendedTransfer;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Attended transfers under way, in this node's memory (the embedded defaults). */
@Singleton
@Requires(missingProperty = "voip.redis.url")
public class InMemoryAttendedTransfers implements AttendedTransfers {

    /** Each transfer under each of its three legs, so any leg's event finds it at once. */
    private final Map<UUID, AttendedTransfer> byLeg = new ConcurrentHashMap<>();

    @Override
    public void save(AttendedTransfer transfer) {
        for (UUID leg : legsOf(transfer)) {
            byLeg.put(leg, transfer);
        }
    }

    @Override
    public Optional<AttendedTransfer> findByLeg(UUID uuid) {
        return Optional.ofNullable(byLeg.get(uuid));
    }

    @Override
    public void remove(AttendedTransfer transfer) {
        for (UUID leg : legsOf(transfer)) {
            byLeg.computeIfPresent(leg, (key, held) -> held.consult().equals(transfer.consult()) ? null : held);
        }
    }

    private static List<UUID> legsOf(AttendedTransfer transfer) {
        return List.of(transfer.transferor(), transfer.party(), transfer.consult());
    }
}
