package com.cloudpbx.freeswitch.media;

import com.cloudpbx.freeswitch.media.FreeSwitchEvents.Leg;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The conference rooms of {@link ScriptedFreeSwitch}, kept as mod_conference keeps them: member ids
 * come from one counter for the whole switch (not per room, and not from 1 on a switch that has
 * been running), a dynamic room is gone with its last member, and {@code json_list} lists the
 * newest member first. Not thread-safe: the script guards it.
 */
final class ScriptedRooms {

    /** A member: the room it is in and its id there. */
    record Membership(String room, String memberId) {
    }

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private int lastMemberId = 40;

    boolean exists(String room) {
        return rooms.containsKey(room);
    }

    boolean isLocked(String room) {
        return rooms.containsKey(room) && rooms.get(room).locked;
    }

    /** Adds the leg to the room, creating the room; returns its member id. */
    String join(UUID leg, String room) {
        String memberId = Integer.toString(++lastMemberId);
        rooms.computeIfAbsent(room, name -> new Room()).members.put(memberId, leg);
        return memberId;
    }

    /** Takes the leg out of the room it is in, if any. */
    Optional<Membership> leave(UUID leg) {
        for (Map.Entry<String, Room> entry : rooms.entrySet()) {
            Room room = entry.getValue();
            Optional<String> memberId = room.members.entrySet().stream()
                    .filter(member -> member.getValue().equals(leg)).map(Map.Entry::getKey).findFirst();
            if (memberId.isPresent()) {
                room.members.remove(memberId.get());
                room.muted.remove(memberId.get());
                if (room.members.isEmpty()) {
                    rooms.remove(entry.getKey());
                }
                return Optional.of(new Membership(entry.getKey(), memberId.get()));
            }
        }
        return Optional.empty();
    }

    Optional<UUID> member(String room, String memberId) {
        return Optional.ofNullable(rooms.get(room)).map(r -> r.members.get(memberId));
    }

    void mute(String room, String memberId, boolean mute) {
        Set<String> muted = rooms.get(room).muted;
        if (mute) {
            muted.add(memberId);
        } else {
            muted.remove(memberId);
        }
    }

    void lock(String room, boolean locked) {
        rooms.get(room).locked = locked;
    }

    /** The reply to {@code conference [<room>] json_list}: every room, or just {@code room}. */
    String jsonList(Optional<String> room, Function<UUID, Leg> legs) {
        List<String> listed = new ArrayList<>();
        rooms.forEach((name, r) -> {
            if (room.isEmpty() || room.get().equals(name)) {
                listed.add(json(name, r, legs));
            }
        });
        return "[" + String.join(",", listed) + "]\n";
    }

    private static String json(String name, Room room, Function<UUID, Leg> legs) {
        List<String> members = new ArrayList<>();
        room.members.forEach((id, uuid) -> {
            Leg leg = legs.apply(uuid);
            members.addFirst("{\"type\":\"caller\",\"id\":" + id + ",\"flags\":{\"can_hear\":true,\"can_see\":true,"
                    + "\"can_speak\":" + !room.muted.contains(id) + ",\"hold\":false,\"mute_detect\":false,"
                    + "\"talking\":false,\"has_video\":false,\"video_bridge\":false,\"has_floor\":false,"
                    + "\"is_moderator\":false,\"end_conference\":false,\"is_ghost\":false},\"uuid\":\"" + uuid
                    + "\",\"caller_id_name\":\"" + text(leg.cidName()) + "\",\"caller_id_number\":\""
                    + text(leg.cidNumber()) + "\",\"join_time\":3,\"last_talking\":0,\"energy\":100,"
                    + "\"volume_in\":0,\"volume_out\":0,\"output-volume\":0,\"input-volume\":0}");
        });
        return "{\"conference_name\":\"" + name + "\",\"member_count\":" + room.members.size()
                + ",\"ghost_count\":0,\"rate\":8000,\"run_time\":3,"
                + "\"conference_uuid\":\"0c6b1f7e-3d52-4a55-8f5f-7a1c2f4d9e11\",\"machine_name\":\"fs1.internal\","
                + "\"locked\":" + room.locked + ",\"destruct\":false,\"wait_mod\":false,\"audio_always\":false,"
                + "\"running\":true,\"answered\":true,\"enforce_min\":true,\"bridge_to\":false,\"dynamic\":true,"
                + "\"exit_sound\":true,\"enter_sound\":true,\"recording\":false,\"video_bridge\":false,"
                + "\"video_floor_only\":false,\"video_rfc4579\":false,\"variables\":{},\"members\":["
                + String.join(",", members) + "]}";
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static final class Room {
        private final Map<String, UUID> members = new LinkedHashMap<>();
        private final Set<String> muted = new HashSet<>();
        private boolean locked;
    }
}
