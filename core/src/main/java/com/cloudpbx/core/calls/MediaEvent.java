package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * What a media server reports about its channels and conferences, in the order it happened.
 * The FreeSWITCH adapter and the simulated switch both emit exactly these.
 */
public sealed interface MediaEvent {

    /** The channel the event is about. */
    UUID uuid();

    Instant at();

    /** A leg came into being (CHANNEL_CREATE). */
    record ChannelCreated(UUID uuid, UUID callUuid, TenantId tenant, CallDirection direction, String extension,
                          String callerIdNumber, String callerIdName, String destination, Instant at)
            implements MediaEvent {
    }

    /** The far end is ringing (CHANNEL_PROGRESS). */
    record ChannelRinging(UUID uuid, Instant at) implements MediaEvent {
    }

    record ChannelAnswered(UUID uuid, Instant at) implements MediaEvent {
    }

    record ChannelBridged(UUID uuid, UUID otherUuid, Instant at) implements MediaEvent {
    }

    record ChannelUnbridged(UUID uuid, UUID otherUuid, Instant at) implements MediaEvent {
    }

    record ChannelHeld(UUID uuid, Instant at) implements MediaEvent {
    }

    record ChannelUnheld(UUID uuid, Instant at) implements MediaEvent {
    }

    record ChannelParked(UUID uuid, String slot, Instant at) implements MediaEvent {
    }

    /** The leg was sent elsewhere: another extension or number ({@code target}). */
    record ChannelTransferred(UUID uuid, String target, Instant at) implements MediaEvent {
    }

    /**
     * The leg is gone (CHANNEL_HANGUP_COMPLETE): the switch's own duration and billed seconds
     * and its hangup cause (NORMAL_CLEARING, USER_BUSY, NO_ANSWER, ...). A leg the switch lost
     * while out of reach ends with {@link HangupCauses#MEDIA_SERVER_RESTART}, its figures counted
     * up to the moment it was lost.
     */
    record ChannelHungUp(UUID uuid, String hangupCause, long durationSeconds, long billsec, Instant at)
            implements MediaEvent {
    }

    record ConferenceMemberJoined(UUID uuid, String conference, String memberId, Instant at) implements MediaEvent {
    }

    record ConferenceMemberLeft(UUID uuid, String conference, String memberId, Instant at) implements MediaEvent {
    }

    record DtmfReceived(UUID uuid, String digit, Instant at) implements MediaEvent {
    }
}
