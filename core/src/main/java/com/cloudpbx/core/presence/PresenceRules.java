package com.cloudpbx.core.presence;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ManualPresence;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How an extension's presence is derived, strongest first: do-not-disturb; a call it is on (or a
 * leg ringing it); the presence its user set by hand (busy, offline); a registered phone
 * (available); otherwise offline. A disabled extension is offline whatever else holds.
 */
public final class PresenceRules {

    private PresenceRules() {
    }

    /** {@code legs}: the live legs of this extension. */
    public static ExtensionPresence of(Extension extension, List<LiveChannel> legs, boolean registered) {
        return of(PresenceSubject.of(extension), legs, registered);
    }

    /** {@code legs}: the live legs of this extension. */
    public static ExtensionPresence of(PresenceSubject extension, List<LiveChannel> legs, boolean registered) {
        String number = extension.number();
        if (!extension.active()) {
            return ExtensionPresence.idle(number, PresenceStatus.OFFLINE);
        }
        if (extension.doNotDisturb()) {
            return ExtensionPresence.idle(number, PresenceStatus.DO_NOT_DISTURB);
        }
        Optional<LiveChannel> answered = legs.stream().filter(LiveChannel::answered)
                .min(Comparator.comparing(LiveChannel::answeredAt));
        if (answered.isPresent()) {
            return onCall(number, PresenceStatus.ON_CALL, answered.get(), answered.get().answeredAt());
        }
        Optional<LiveChannel> ringing = legs.stream().min(Comparator.comparing(LiveChannel::startedAt));
        if (ringing.isPresent()) {
            return onCall(number, PresenceStatus.RINGING, ringing.get(), ringing.get().startedAt());
        }
        if (extension.presence() == ManualPresence.BUSY) {
            return ExtensionPresence.idle(number, PresenceStatus.BUSY);
        }
        if (extension.presence() == ManualPresence.OFFLINE || !registered) {
            return ExtensionPresence.idle(number, PresenceStatus.OFFLINE);
        }
        return ExtensionPresence.idle(number, PresenceStatus.AVAILABLE);
    }

    private static ExtensionPresence onCall(String number, PresenceStatus status, LiveChannel leg,
                                            java.time.Instant since) {
        return new ExtensionPresence(number, status, leg.callUuid(), leg.callerIdNumber(), leg.direction(), since);
    }
}
