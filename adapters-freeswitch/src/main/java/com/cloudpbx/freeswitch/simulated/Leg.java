package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One channel of the simulated switch. Mutable because a channel's life is a series of state
 * changes; only ever touched while holding the switch's lock.
 */
final class Leg {

    final UUID uuid;
    final UUID callUuid;
    final TenantId tenant;
    final CallDirection direction;
    final String extension;
    final String callerIdNumber;
    final String callerIdName;
    final String destination;
    final Instant startedAt;
    /** How long this leg rings before it gives up; the legs it dials ring as long. */
    final Duration ringTimeout;

    Instant answeredAt;
    boolean onHold;
    UUID bridgedTo;
    String parkSlot;
    String conference;
    /** Dialled as soon as this leg answers (the second half of an originate). */
    Destination dialOnAnswer;
    /** The leg this one is ringing, to be bridged to it when it answers. */
    UUID dialling;
    /** The leg this ringing leg will be bridged to when it answers. */
    UUID awaiting;

    Leg(UUID uuid, UUID callUuid, TenantId tenant, CallDirection direction, String extension, String callerIdNumber,
        String callerIdName, String destination, Instant startedAt, Duration ringTimeout) {
        this.uuid = uuid;
        this.callUuid = callUuid;
        this.tenant = tenant;
        this.direction = direction;
        this.extension = extension;
        this.callerIdNumber = callerIdNumber;
        this.callerIdName = callerIdName;
        this.destination = destination;
        this.startedAt = startedAt;
        this.ringTimeout = ringTimeout;
    }

    boolean answered() {
        return answeredAt != null;
    }

    LiveChannel snapshot() {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination, direction,
                answered(), onHold, startedAt, answeredAt, bridgedTo, parkSlot, conference);
    }
}
