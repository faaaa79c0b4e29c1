package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.CallTrail;
import java.util.Optional;
import java.util.UUID;

/** Port: what each unfinished call has done so far, until its history record is written. */
public interface CallTrails {

    Optional<CallTrail> find(UUID callUuid);

    void save(CallTrail trail);

    void remove(UUID callUuid);
}
