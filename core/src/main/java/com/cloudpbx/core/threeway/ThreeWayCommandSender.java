package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.UUID;

/** Sends a transition's commands through the media server, in order, naming the tenant's rooms. */
final class ThreeWayCommandSender {

    private final LegControl media;
    private final ConferenceControl conferencing;
    private final ConferenceRooms rooms;

    ThreeWayCommandSender(LegControl media, ConferenceControl conferencing, ConferenceRooms rooms) {
        this.media = media;
        this.conferencing = conferencing;
        this.rooms = rooms;
    }

    /** Stops at the first refusal and throws it: the caller of an API command needs to see it. */
    void send(TenantId tenant, List<ThreeWayCommand> commands) {
        commands.forEach(command -> send(tenant, command));
    }

    /**
     * Sends what an event called for. A leg may have gone meanwhile (its own hang-up is on its way
     * and will be worked out in turn); when two legs cannot be bridged, neither is left behind
     * alone.
     */
    void sendAfterEvent(TenantId tenant, List<ThreeWayCommand> commands) {
        for (ThreeWayCommand command : commands) {
            try {
                send(tenant, command);
            } catch (DomainException refused) {
                if (command instanceof ThreeWayCommand.Bridge bridge) {
                    hangUpQuietly(bridge.first());
                    hangUpQuietly(bridge.second());
                }
            }
        }
    }

    private void send(TenantId tenant, ThreeWayCommand command) {
        switch (command) {
            case ThreeWayCommand.Hold hold -> media.hold(hold.leg(), hold.hold());
            case ThreeWayCommand.Consult consult -> media.consult(consult.b(), consult.moderator(), consult.target());
            case ThreeWayCommand.Join join ->
                    conferencing.joinConference(join.leg(), rooms.room(tenant, join.conference()));
            case ThreeWayCommand.HoldMember hold ->
                    conferencing.holdMember(rooms.room(tenant, hold.conference()), hold.memberId(), hold.hold());
            case ThreeWayCommand.Bridge bridge -> media.bridge(bridge.first(), bridge.second());
            case ThreeWayCommand.Hangup hangup -> media.hangup(hangup.leg());
            case ThreeWayCommand.Kick kick -> conferencing.kick(rooms.room(tenant, kick.conference()), kick.memberId());
            case ThreeWayCommand.Mute mute ->
                    conferencing.mute(rooms.room(tenant, mute.conference()), mute.memberId(), mute.mute());
        }
    }

    private void hangUpQuietly(UUID leg) {
        try {
            media.hangup(leg);
        } catch (DomainException alreadyGone) {
            // Nothing left to release.
        }
    }
}
