package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.HangupCauses;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberLeft;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Our live legs as the switches' events describe them, and the switch each one lives on, so that a
 * command for a leg goes to the switch that has it. FreeSWITCH accepts some commands for a uuid it
 * does not have (uuid_hold answers +OK), so this is also how such commands are refused.
 *
 * <p>Thread-safe: each switch's events arrive on a thread of their own.
 */
final class ChannelRegistry {

    private final Map<UUID, LiveChannel> channels = new ConcurrentHashMap<>();
    private final Map<UUID, String> hosts = new ConcurrentHashMap<>();

    /** The switch a leg is about to be created on, so its commands find it before its first event. */
    void expect(UUID uuid, String host) {
        hosts.put(uuid, host);
    }

    /** A leg that was expected but never came into being. */
    void forgetExpected(UUID uuid) {
        if (!channels.containsKey(uuid)) {
            hosts.remove(uuid);
        }
    }

    Optional<String> hostOf(UUID uuid) {
        return Optional.ofNullable(hosts.get(uuid));
    }

    boolean isLive(UUID uuid) {
        return channels.containsKey(uuid);
    }

    Optional<LiveChannel> channel(UUID uuid) {
        return Optional.ofNullable(channels.get(uuid));
    }

    /** The tenant's leg waiting in the park slot, if any. */
    Optional<LiveChannel> parkedIn(TenantId tenant, String slot) {
        return channels.values().stream()
                .filter(channel -> channel.tenant().equals(tenant) && slot.equals(channel.parkSlot())).findFirst();
    }

    List<LiveChannel> all() {
        return List.copyOf(channels.values());
    }

    void apply(String host, MediaEvent event) {
        UUID uuid = event.uuid();
        switch (event) {
            case ChannelCreated created -> {
                hosts.put(uuid, host);
                channels.putIfAbsent(uuid, new LiveChannel(uuid, created.callUuid(), created.tenant(),
                        created.extension(), created.callerIdNumber(), created.callerIdName(), created.destination(),
                        created.direction(), false, false, created.at(), null, null, null, null));
            }
            case ChannelAnswered answered -> update(uuid, channel -> channel.answeredAt(answered.at()));
            case ChannelBridged bridged -> update(uuid, channel -> channel.bridgedTo(bridged.otherUuid()));
            case ChannelUnbridged unbridged -> update(uuid, channel ->
                    unbridged.otherUuid().equals(channel.bridgedTo()) ? channel.bridgedTo(null) : channel);
            case ChannelHeld held -> update(uuid, channel -> channel.held(true));
            case ChannelUnheld unheld -> update(uuid, channel -> channel.held(false));
            case ChannelParked parked -> update(uuid, channel -> channel.parkedIn(parked.slot()));
            case ConferenceMemberJoined joined -> update(uuid, channel -> channel.inConference(joined.conference()));
            case ConferenceMemberLeft left -> update(uuid, channel -> channel.inConference(null));
            case ChannelHungUp hungUp -> {
                channels.remove(uuid);
                hosts.remove(uuid);
            }
            default -> {
            }
        }
    }

    /**
     * What must be reported so that our live state matches the channel list a switch just gave
     * after a (re)connect: legs we had on it that are gone hung up meanwhile, legs we did not
     * know came into being, and answers and holds that were missed. Events of other switches'
     * legs are not touched.
     *
     * <p>A leg that is gone ended unseen, at the latest when the switch was lost ({@code lostAt},
     * the last moment it was known to be up; a restarted switch dropped it right then). It is
     * reported hung up at that moment with {@link HangupCauses#MEDIA_SERVER_RESTART} and the
     * duration and billed seconds it had by then, as CHANNEL_HANGUP_COMPLETE would have counted them.
     */
    List<MediaEvent> differences(String host, List<LiveChannel> listed, Instant lostAt, Instant now) {
        Map<UUID, LiveChannel> present = listed.stream()
                .collect(Collectors.toMap(LiveChannel::uuid, Function.identity(), (first, second) -> first));
        Set<UUID> ours = channels.keySet().stream().filter(uuid -> host.equals(hosts.get(uuid)))
                .collect(Collectors.toSet());
        List<MediaEvent> events = new ArrayList<>();
        for (UUID gone : ours) {
            if (!present.containsKey(gone)) {
                LiveChannel lost = channels.get(gone);
                UUID partner = lost.bridgedTo();
                if (partner != null && present.containsKey(partner)) {
                    // The partner outlived it: without this it would stay bridged to a ghost.
                    events.add(new ChannelUnbridged(partner, gone, lostAt));
                }
                events.add(new ChannelHungUp(gone, HangupCauses.MEDIA_SERVER_RESTART,
                        secondsBetween(lost.startedAt(), lostAt), secondsBetween(lost.answeredAt(), lostAt), lostAt));
            }
        }
        for (LiveChannel channel : listed) {
            LiveChannel known = channels.get(channel.uuid());
            if (known == null) {
                events.add(new ChannelCreated(channel.uuid(), channel.callUuid(), channel.tenant(),
                        channel.direction(), channel.extension(), channel.callerIdNumber(), channel.callerIdName(),
                        channel.destination(), channel.startedAt()));
            }
            if (channel.answered() && (known == null || !known.answered())) {
                events.add(new ChannelAnswered(channel.uuid(), now));
            }
            if (channel.onHold() != (known != null && known.onHold())) {
                events.add(channel.onHold() ? new ChannelHeld(channel.uuid(), now) : new ChannelUnheld(channel.uuid(), now));
            }
        }
        return List.copyOf(events);
    }

    /** Whole seconds from {@code from} (none: 0) to {@code to}; never negative, as the clocks may differ. */
    private static long secondsBetween(Instant from, Instant to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }

    private void update(UUID uuid, java.util.function.UnaryOperator<LiveChannel> change) {
        channels.computeIfPresent(uuid, (id, channel) -> change.apply(channel));
    }
}
