package com.cloudpbx.app;

import com.cloudpbx.app.settings.IdempotencySettings;
import com.cloudpbx.app.settings.ParkSettings;
import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.calls.port.CallSimulator;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.idempotency.Idempotency;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Live calls: what the call use cases need decided. The media server is the FreeSWITCH adapter's
 * to declare: FreeSWITCH when {@code VOIP_FREESWITCH_HOSTS} names hosts, the simulated switch (and
 * with it the sandbox routes) otherwise.
 */
@Factory
public class CallsWiring {

    @Singleton
    ParkSlotRange parkSlots(ParkSettings settings) {
        return settings.parkSlots();
    }

    @Singleton
    Idempotency idempotency(IdempotencyStore store, Clock clock, IdempotencySettings settings) {
        return new Idempotency(store, clock, settings.lease());
    }

    /** Only with a switch that can simulate calls: the sandbox routes exist with it. */
    @Singleton
    @Requires(beans = CallSimulator.class)
    Sandbox sandbox(CallSimulator simulator, LegControl media, CallAccess access) {
        return new Sandbox(simulator, media, access);
    }
}
