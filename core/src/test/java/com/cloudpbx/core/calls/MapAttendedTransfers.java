package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.AttendedTransfers;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Map-backed attended transfers for tests of the use cases; concurrent, as {@link MapLiveChannels} is. */
public final class MapAttendedTransfers implements AttendedTransfers {

    private final Map<UUID, AttendedTransfer> transfers = new ConcurrentHashMap<>();

    @Override
    public void save(AttendedTransfer transfer) {
        transfers.put(transfer.consult(), transfer);
    }

    @Override
    public Optional<AttendedTransfer> findByLeg(UUID uuid) {
        return transfers.values().stream().filter(t -> t.involves(uuid)).findFirst();
    }

    @Override
    public void remove(AttendedTransfer transfer) {
        transfers.remove(transfer.consult());
    }
}
