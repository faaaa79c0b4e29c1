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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Media events and snapshots written as text with names in place of uuids, rooms and member ids,
 * so that what two backends did compares line by line. Uuids and rooms are named by the test;
 * member ids, which each switch numbers its own way, are named m1, m2, ... as they first appear.
 * Times and the switch's own durations are left out: they differ from run to run.
 */
public final class Transcript {

    private final Map<Object, String> names = new HashMap<>();
    private final Map<String, String> members = new HashMap<>();

    /** Calls {@code key} (a leg's uuid or a room) {@code name} from now on. */
    public Transcript name(Object key, String name) {
        names.put(Objects.requireNonNull(key, "key"), name);
        return this;
    }

    /** The life of one leg, an event a line. */
    public List<String> of(RecordedMediaEvents events, UUID leg) {
        return events.of(leg).stream().map(this::line).toList();
    }

    /** The named legs among the live channels, sorted by name. */
    public List<String> channels(List<LiveChannel> channels) {
        return channels.stream().filter(channel -> names.containsKey(channel.uuid()))
                .sorted(Comparator.comparing(channel -> names.get(channel.uuid())))
                .map(this::line).toList();
    }

    /** The named rooms, each with its members sorted by leg name. */
    public List<String> conferences(List<ConferenceSnapshot> rooms) {
        return rooms.stream().filter(room -> names.containsKey(room.room()))
                .sorted(Comparator.comparing(room -> names.get(room.room())))
                .map(this::line).toList();
    }

    /** The member id a leg joined a room with, as the switch numbered it. */
    public static String memberId(RecordedMediaEvents events, UUID leg) {
        return events.await(ConferenceMemberJoined.class, leg).memberId();
    }

    private String line(MediaEvent event) {
        return switch (event) {
            case ChannelCreated c -> "created in call " + name(c.callUuid()) + ", " + c.direction().wireName()
                    + ", extension " + c.extension() + ", caller " + c.callerIdNumber() + " " + c.callerIdName()
                    + ", dialled " + c.destination();
            case ChannelRinging r -> "ringing";
            case ChannelAnswered a -> "answered";
            case ChannelBridged b -> "bridged to " + name(b.otherUuid());
            case ChannelUnbridged u -> "unbridged from " + name(u.otherUuid());
            case ChannelHeld h -> "held";
            case ChannelUnheld u -> "unheld";
            case ChannelParked p -> "parked in " + p.slot();
            case ChannelTransferred t -> "transferred to " + t.target();
            case ChannelHungUp h -> "hung up " + h.hangupCause();
            case ConferenceMemberJoined j -> "joined " + name(j.conference()) + " as " + member(j.memberId());
            case ConferenceMemberLeft l -> "left " + name(l.conference()) + " as " + member(l.memberId());
            case DtmfReceived d -> "pressed " + d.digit();
        };
    }

    private String line(LiveChannel channel) {
        return name(channel.uuid()) + ": call " + name(channel.callUuid()) + ", " + channel.direction().wireName()
                + ", extension " + channel.extension() + ", caller " + channel.callerIdNumber() + " "
                + channel.callerIdName() + ", dialled " + channel.destination() + ", "
                + (channel.answered() ? "answered" : "ringing") + (channel.onHold() ? ", on hold" : "")
                + ", bridged to " + name(channel.bridgedTo()) + ", parked in " + Objects.toString(channel.parkSlot(), "nothing")
                + ", in room " + name(channel.conference());
    }

    private String line(ConferenceSnapshot room) {
        List<String> memberLines = room.members().stream()
                .sorted(Comparator.comparing(member -> name(member.uuid())))
                .map(member -> name(member.uuid()) + " as " + member(member.memberId()) + " (caller "
                        + member.callerIdNumber() + " " + member.callerIdName() + (member.muted() ? ", muted" : "") + ")")
                .toList();
        return name(room.room()) + (room.locked() ? " (locked)" : "") + ": " + String.join(", ", memberLines);
    }

    private String name(Object key) {
        if (key == null) {
            return "nothing";
        }
        return names.getOrDefault(key, "unnamed " + key);
    }

    private String member(String memberId) {
        return members.computeIfAbsent(memberId, id -> "m" + (members.size() + 1));
    }
}
