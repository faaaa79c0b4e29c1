package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelTransferred;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberLeft;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.calls.port.EventPublisher;
import com.cloudpbx.core.calls.port.HangupLedger;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.webhooks.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns the media server's events into live-call state, real-time notifications and, when a
 * call's last leg hangs up, its one history record. Repeated events change nothing; a hang-up
 * that overtook its leg's creation is applied once the creation arrives.
 */
public final class TrackCalls implements Consumer<MediaEvent> {

    private final LiveChannels channels;
    private final ParkSlots parkSlots;
    private final CallTrails trails;
    private final HangupLedger hangups;
    private final AttendedTransfers transfers;
    private final CallHistory history;
    private final EventPublisher publisher;
    private final RaiseWebhookEvents webhooks;

    public TrackCalls(LiveChannels channels, ParkSlots parkSlots, CallTrails trails, HangupLedger hangups,
                      AttendedTransfers transfers, CallHistory history, EventPublisher publisher,
                      RaiseWebhookEvents webhooks) {
        this.channels = channels;
        this.parkSlots = parkSlots;
        this.trails = trails;
        this.hangups = hangups;
        this.transfers = transfers;
        this.history = history;
        this.publisher = publisher;
        this.webhooks = webhooks;
    }

    // Events of one switch arrive on one thread; serialising keeps a call's legs consistent.
    @Override
    public synchronized void accept(MediaEvent event) {
        switch (event) {
            case ChannelCreated created -> created(created);
            case ChannelRinging ringing -> ringing(ringing);
            case ChannelAnswered answered -> answered(answered);
            case ChannelBridged bridged -> bridged(bridged);
            case ChannelUnbridged unbridged -> update(unbridged.uuid(), c -> c.bridgedTo(null));
            case ChannelHeld held -> changeAndNotify(held, c -> c.held(true), CallEventType.CALL_HOLD, null);
            case ChannelUnheld unheld -> changeAndNotify(unheld, c -> c.held(false), CallEventType.CALL_UNHOLD, null);
            case ChannelParked parked -> changeAndNotify(parked, c -> c.parkedIn(parked.slot()), CallEventType.CALL_PARK,
                    parked.slot());
            case ChannelTransferred transferred -> transferred(transferred);
            case ChannelHungUp hungUp -> hungUp(hungUp);
            case ConferenceMemberJoined joined -> changeAndNotify(joined, c -> c.inConference(joined.conference()),
                    CallEventType.CONFERENCE_JOIN, joined.conference());
            case ConferenceMemberLeft left -> changeAndNotify(left, c -> c.inConference(null),
                    CallEventType.CONFERENCE_LEAVE, left.conference());
            case DtmfReceived ignored -> {
                // Digits matter to IVRs and voicemail, not to live-call state.
            }
        }
    }

    private void created(ChannelCreated created) {
        Optional<CallTrail> trail = trails.find(created.callUuid());
        if (channels.find(created.uuid()).isPresent() || trail.map(t -> t.knows(created.uuid())).orElse(false)
                || hangups.endedWith(created.uuid()).isPresent()) {
            return;
        }
        var channel = new LiveChannel(created.uuid(), created.callUuid(), created.tenant(), created.extension(),
                created.callerIdNumber(), created.callerIdName(), created.destination(), created.direction(), false,
                false, created.at(), null, null, null, null);
        channels.put(channel);
        trails.save(trail.map(t -> t.withLeg(created.uuid()).withExtensionIfNone(created.extension()))
                .orElseGet(() -> begin(created)));
        announce(new CallNotification(CallEventType.CALL_START, channel, created.at(), null));
        hangups.takeEarlyHangup(created.uuid()).ifPresent(this::hungUp);
    }

    /** A consult leg is a call of its own that reaches the transfer target on its first leg. */
    private CallTrail begin(ChannelCreated created) {
        CallTrail begun = CallTrail.begin(created);
        boolean consult = transfers.findByLeg(created.uuid()).filter(t -> t.consult().equals(created.uuid()))
                .isPresent();
        return consult ? begun.reachedOnFirstLeg() : begun;
    }

    /** A switch may report ringing more than once (progress, then early media); after the answer it is stale. */
    private void ringing(ChannelRinging ringing) {
        channels.find(ringing.uuid()).filter(c -> !c.answered()).ifPresent(c ->
                announce(new CallNotification(CallEventType.CALL_RINGING, c, ringing.at(), null)));
    }

    private void answered(ChannelAnswered answered) {
        Optional<LiveChannel> channel = channels.find(answered.uuid());
        if (channel.isEmpty() || channel.get().answered()) {
            return;
        }
        LiveChannel now = channel.get().answeredAt(answered.at());
        channels.put(now);
        trails.find(now.callUuid()).ifPresent(t -> trails.save(t.legAnswered(now.uuid(), answered.at())));
        announce(new CallNotification(CallEventType.CALL_ANSWER, now, answered.at(), null));
    }

    /**
     * A parked leg that gets bridged was picked up, which frees its slot. Clients learn of the
     * bridge (a switch reports it just after the far end's answer) from {@code call_bridge}: only
     * then do the commands that need a bridged call accept the leg.
     */
    private void bridged(ChannelBridged bridged) {
        channels.find(bridged.uuid()).ifPresent(channel -> {
            if (channel.parkSlot() != null) {
                parkSlots.release(channel.tenant(), channel.parkSlot());
            }
            LiveChannel now = channel.bridgedTo(bridged.otherUuid());
            channels.put(now);
            if (!bridged.otherUuid().equals(channel.bridgedTo())) {
                announce(new CallNotification(CallEventType.CALL_BRIDGE, now, bridged.at(), null));
            }
        });
    }

    private void transferred(ChannelTransferred transferred) {
        channels.find(transferred.uuid()).ifPresent(channel -> {
            trails.find(channel.callUuid()).ifPresent(t -> trails.save(t.forwardedTo(transferred.target())));
            announce(new CallNotification(CallEventType.CALL_TRANSFER, channel, transferred.at(),
                    transferred.target()));
        });
    }

    /**
     * Ends the live legs the switches no longer have — legs that ended while no API node was
     * listening (every node down, or the node applying the events died before applying their
     * hang-ups): each is hung up as of {@code at} with {@link HangupCauses#MEDIA_SERVER_RESTART},
     * its call recorded as for any hang-up. Only legs that started before {@code at} are ended, so
     * a leg created while the switches' legs were being read is kept.
     *
     * @param onSwitches every leg the switches have, read after {@code at}
     */
    public synchronized void settle(Set<UUID> onSwitches, Instant at) {
        for (LiveChannel channel : channels.list(Optional.empty())) {
            if (!onSwitches.contains(channel.uuid()) && channel.startedAt().isBefore(at)) {
                hungUp(new ChannelHungUp(channel.uuid(), HangupCauses.MEDIA_SERVER_RESTART,
                        secondsBetween(channel.startedAt(), at), secondsBetween(channel.answeredAt(), at), at));
            }
        }
    }

    private static long secondsBetween(Instant from, Instant to) {
        return from == null || to.isBefore(from) ? 0 : Duration.between(from, to).toSeconds();
    }

    private void hungUp(ChannelHungUp hungUp) {
        Optional<LiveChannel> channel = channels.find(hungUp.uuid());
        if (channel.isEmpty()) {
            if (hangups.endedWith(hungUp.uuid()).isEmpty()) {
                // Overtook the leg's creation: applied when the creation arrives.
                hangups.holdEarlyHangup(hungUp);
            }
            return;
        }
        LiveChannel ended = channel.get();
        hangups.markEnded(hungUp);
        channels.remove(ended.uuid());
        if (ended.parkSlot() != null) {
            parkSlots.release(ended.tenant(), ended.parkSlot());
        }
        announce(new CallNotification(CallEventType.CALL_END, ended, hungUp.at(), hungUp.hangupCause()));
        trails.find(ended.callUuid()).map(t -> t.legEnded(hungUp)).ifPresent(this::finishIfDone);
    }

    private void finishIfDone(CallTrail trail) {
        if (!trail.finished()) {
            trails.save(trail);
            return;
        }
        // Submitted, not recorded: the next event need not wait for the record's commit.
        history.submit(trail.toRecord(UUID.randomUUID()));
        trails.remove(trail.callUuid());
    }

    /**
     * The webhooks' deliveries are stored before the event is taken as handled and before the
     * sockets hear of it (or, while the database is away, held in order until it is back).
     */
    private void announce(CallNotification notification) {
        webhooks.raiseOrHold(new WebhookEvent(UUID.randomUUID(), notification.type().webhookName(),
                notification.channel().tenant(), notification.at(), CallEventFields.of(notification)));
        publisher.publish(notification);
    }

    private void update(UUID uuid, UnaryOperator<LiveChannel> change) {
        channels.find(uuid).map(change).ifPresent(channels::put);
    }

    private void changeAndNotify(MediaEvent event, UnaryOperator<LiveChannel> change, CallEventType type,
                                 String detail) {
        channels.find(event.uuid()).map(change).ifPresent(changed -> {
            channels.put(changed);
            announce(new CallNotification(type, changed, event.at(), detail));
        });
    }
}
