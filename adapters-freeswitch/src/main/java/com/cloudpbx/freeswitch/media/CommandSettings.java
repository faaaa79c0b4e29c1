package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ParkSlotRange;
import java.util.Objects;

/**
 * What the commands depend on besides the call itself: how extensions are dialled, the
 * conference profile rooms are created with, and the park-slot range (dialling a slot picks up the
 * call parked there instead of ringing a phone).
 */
public record CommandSettings(ExtensionDialing dialing, String conferenceProfile, ParkSlotRange parkSlots) {

    public CommandSettings {
        Objects.requireNonNull(dialing, "dialing");
        Objects.requireNonNull(parkSlots, "parkSlots");
        EslValues.nameToken(conferenceProfile, "conference profile");
    }

    /** {@code user/} dialling, the stock {@code default} conference profile, slots 701-750. */
    public static CommandSettings defaults() {
        return new CommandSettings(new ExtensionDialing.Directory(), "default", new ParkSlotRange(701, 750));
    }
}
