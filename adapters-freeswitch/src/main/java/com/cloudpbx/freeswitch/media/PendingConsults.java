package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consult legs still ringing. FreeSWITCH parks an answered consult leg and does nothing more, so
 * the rest of an attended transfer is driven from here: the answer bridges the transferor to it,
 * and the transferor hanging up first cancels it.
 */
final class PendingConsults {

    private final EslCommands commands;
    private final Map<UUID, ConsultLeg> ringing = new ConcurrentHashMap<>();

    PendingConsults(EslCommands commands) {
        this.commands = commands;
    }

    void ringing(ConsultLeg leg) {
        ringing.put(leg.consultUuid(), leg);
    }

    void forget(UUID consultUuid) {
        ringing.remove(consultUuid);
    }

    /** The commands the event calls for, to be sent in order; none for most events. */
    List<ApiCommand> after(MediaEvent event) {
        return switch (event) {
            case ChannelAnswered answered when ringing.containsKey(answered.uuid()) ->
                    commands.consultAnswered(ringing.remove(answered.uuid()));
            case ChannelHungUp hungUp when ringing.remove(hungUp.uuid()) != null -> List.of();
            case ChannelHungUp hungUp -> ringing.values().stream()
                    .filter(leg -> leg.transferor().equals(hungUp.uuid()))
                    .filter(leg -> ringing.remove(leg.consultUuid()) != null)
                    .map(commands::cancelConsult)
                    .toList();
            default -> List.of();
        };
    }
}
