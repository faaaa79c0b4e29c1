package com.cloudpbx.freeswitch.simulated;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A conference room; exists while it has members. Only touched while holding the switch's lock. */
final class Room {

    final String name;
    final Instant startedAt;
    boolean locked;
    private int lastMemberId;
    private final Map<String, UUID> members = new LinkedHashMap<>();
    private final Set<String> muted = new HashSet<>();

    Room(String name, Instant startedAt) {
        this.name = name;
        this.startedAt = startedAt;
    }

    /** Member ids count up from 1 for the life of the room, never reused, as FreeSWITCH's do. */
    String add(UUID uuid) {
        String memberId = Integer.toString(++lastMemberId);
        members.put(memberId, uuid);
        return memberId;
    }

    Optional<String> memberIdOf(UUID uuid) {
        return members.entrySet().stream().filter(e -> e.getValue().equals(uuid)).map(Map.Entry::getKey).findFirst();
    }

    Optional<UUID> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    void remove(String memberId) {
        members.remove(memberId);
        muted.remove(memberId);
    }

    void mute(String memberId, boolean mute) {
        if (mute) {
            muted.add(memberId);
        } else {
            muted.remove(memberId);
        }
    }

    boolean isMuted(String memberId) {
        return muted.contains(memberId);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** Member id to channel, in the order they joined. */
    Map<String, UUID> members() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
}
