package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.AttendedTransfer;
import java.util.Optional;
import java.util.UUID;

/** Port: the attended transfers under way, each found by any of its three legs. */
public interface AttendedTransfers {

    /** Keeps the attended transfer, replacing the one with the same consult leg. */
    void save(AttendedTransfer transfer);

    /** The attended transfer the leg takes part in, as transferor, held party or consult leg. */
    Optional<AttendedTransfer> findByLeg(UUID uuid);

    /** Forgets the transfer (by its consult leg); another transfer saved since on a shared leg stays. */
    void remove(AttendedTransfer transfer);
}
