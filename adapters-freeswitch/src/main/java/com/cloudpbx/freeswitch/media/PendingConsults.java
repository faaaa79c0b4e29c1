package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consult legs of attended transfers in progress. FreeSWITCH parks an answered consult leg and
 * does nothing more, so the rest is driven from here: the answer bridges the transferor to it, and
 * the transferor hanging up first cancels it. Once answered, a consult is followed until one of
 * its three legs is gone: while the party waits, the transferor and the consult leg outlive each
 * other (see {@link EslCommands#consultAnswered}); once the party is gone they are a plain call again.
 */
final class PendingConsults {

    private final EslCommands commands;
    private final Map<UUID, ConsultLeg> ringing = new ConcurrentHashMap<>();
    private final Map<UUID, ConsultLeg> answered = new ConcurrentHashMap<>();

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
            case ChannelAnswered a when ringing.containsKey(a.uuid()) -> answered(ringing.remove(a.uuid()));
            case ChannelHungUp hungUp when ringing.remove(hungUp.uuid()) != null -> List.of();
            case ChannelHungUp hungUp -> {
                List<ApiCommand> followUps = new ArrayList<>(cancelRingingOf(hungUp.uuid()));
                followUps.addAll(settleAnsweredWith(hungUp.uuid()));
                yield List.copyOf(followUps);
            }
            default -> List.of();
        };
    }

    private List<ApiCommand> answered(ConsultLeg leg) {
        answered.put(leg.consultUuid(), leg);
        return commands.consultAnswered(leg);
    }

    /** The transferor gave up while its consult leg was still ringing. */
    private List<ApiCommand> cancelRingingOf(UUID transferor) {
        return ringing.values().stream()
                .filter(leg -> leg.transferor().equals(transferor))
                .filter(leg -> ringing.remove(leg.consultUuid()) != null)
                .map(commands::cancelConsult)
                .toList();
    }

    /**
     * A leg of an answered consult is gone, which settles it: without the party the two others are
     * a plain call; without the transferor or the consult leg, the one left stays up for the use
     * cases to connect to the party.
     */
    private List<ApiCommand> settleAnsweredWith(UUID gone) {
        List<ApiCommand> followUps = new ArrayList<>();
        for (ConsultLeg leg : List.copyOf(answered.values())) {
            boolean involved = gone.equals(leg.party()) || gone.equals(leg.transferor())
                    || gone.equals(leg.consultUuid());
            if (involved && answered.remove(leg.consultUuid()) != null && gone.equals(leg.party())) {
                followUps.addAll(commands.consultPartyGone(leg));
            }
        }
        return followUps;
    }
}
