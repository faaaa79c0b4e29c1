package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.ConferenceSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * Port: the conference rooms of the media server that carries the calls (the same switch as
 * {@link LegControl}, whose events also tell what happens in the rooms). Errors follow
 * {@link LegControl}'s rules: a leg the switch does not have is a 400 {@code CALL_NOT_FOUND}; any
 * other refusal a {@code BAD_GATEWAY} {@link com.cloudpbx.core.shared.DomainException}; an
 * unreachable switch {@code UNAVAILABLE}.
 */
public interface ConferenceControl {

    /** Moves the leg into the room, creating the room if needed. */
    void joinConference(UUID uuid, String room);

    void kick(String room, String memberId);

    void mute(String room, String memberId, boolean mute);

    void lock(String room, boolean locked);

    /**
     * Puts a member on hold inside the room (it hears music; nobody hears it) or takes it off
     * hold; it stays a member all along, with the same member id.
     */
    void holdMember(String room, String memberId, boolean hold);

    List<ConferenceSnapshot> conferences();
}
