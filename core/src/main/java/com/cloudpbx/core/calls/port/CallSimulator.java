package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;

/**
 * Port: what only a simulated switch can do, for the sandbox routes that let integrators test
 * without a phone: place an inbound call, answer a ringing leg, press keys.
 */
public interface CallSimulator {

    /** A call from an outside number to the destination; returns the caller's leg uuid. */
    UUID inbound(TenantId tenant, String from, Destination to);

    void answer(UUID uuid);

    void dtmf(UUID uuid, String digits);
}
