package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.Originate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Port: the legs of the media server that carries calls (FreeSWITCH in production, the simulated
 * switch on embedded defaults and in tests), and the events of everything on it, conference rooms
 * included (those are {@link ConferenceControl}'s). Commands return once the switch accepted them;
 * what then happens arrives as {@link MediaEvent}s. A command on a channel the switch does not have is a
 * 400 {@code CALL_NOT_FOUND}; any other refusal a {@code BAD_GATEWAY}
 * {@link com.cloudpbx.core.shared.DomainException}; an unreachable switch {@code UNAVAILABLE}.
 */
public interface LegControl {

    /** Events of every channel go to this listener, in order per channel. */
    void listen(Consumer<MediaEvent> listener);

    void originate(Originate command);

    /**
     * Rings the extension with auto-answer asked of its phone; answered, the leg stays up bridged
     * to nothing. A phone that does not answer rings until the command's timeout.
     */
    void intercom(IntercomCall command);

    void hangup(UUID uuid);

    /** Sends the leg to the destination; whatever it was bridged to is released. */
    void transfer(UUID uuid, Destination destination);

    void hold(UUID uuid, boolean hold);

    /** Parks the leg in the slot; dialling the slot from an extension picks it up. */
    void park(UUID uuid, String slot);

    /** Bridges two live legs together, releasing whatever they were bridged to. */
    void bridge(UUID a, UUID b);

    /**
     * Attended transfer: rings {@code target} on a new leg {@code consultUuid}, a call of its own.
     * When it answers, {@code transferorLeg}'s bridge to its party is released, the party staying
     * up, and the transferor is bridged to the consult leg. A target that fails leaves the
     * transferor and its party as they were; the transferor hanging up first cancels the consult
     * leg. Once the target answered, and while the party is up, either of the transferor and the
     * consult leg hanging up leaves the other one up, for the transfer to complete or be undone.
     * The party hanging up leaves the transferor and the consult leg as a plain call.
     */
    void consult(UUID consultUuid, UUID transferorLeg, Destination target);

    /** Rings the supervisor's extension and, when it answers, lets it eavesdrop on {@code target}. */
    void eavesdrop(UUID spyUuid, UUID target, Destination supervisor, EavesdropMode mode);

    void eavesdropMode(UUID spyUuid, EavesdropMode mode);

    /** The switch's live channels now, for resynchronising live state. */
    List<LiveChannel> channels();
}
