package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.GatewayStatus;
import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.port.TrunkGateways;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Trunk gateways on FreeSWITCH's {@code external} sofia profile, over the Event Socket. A rescan
 * makes the profile fetch {@code sofia.conf} again (from the API's configuration route) and load
 * the gateways it does not have; a changed gateway is killed first so the rescan loads it anew.
 */
@Singleton
@Requires(property = FreeSwitchSettings.HOSTS)
public final class EslTrunkGateways implements TrunkGateways {

    static final String PROFILE = "external";

    private final EslMediaServer media;

    public EslTrunkGateways(EslMediaServer media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    @Override
    public GatewayStatus status(String gatewayName) {
        String reply = media.query(new ApiCommand("sofia xmlstatus gateway " + checked(gatewayName)));
        try {
            return GatewayStatusXml.parse(reply);
        } catch (IllegalArgumentException unreadable) {
            return new GatewayStatus("UNKNOWN", "UNKNOWN", null);
        }
    }

    @Override
    public void sync(SipTrunk trunk) {
        remove(trunk.gatewayName());
        media.runOnEveryHost(new ApiCommand("sofia profile " + PROFILE + " rescan"));
    }

    @Override
    public void remove(String gatewayName) {
        try {
            media.runOnEveryHost(new ApiCommand("sofia profile " + PROFILE + " killgw " + checked(gatewayName)));
        } catch (DomainException refused) {
            // "-ERR no such gateway": nothing to drop. An unreachable switch is the caller's to hear about.
            if (refused.kind() != ErrorKind.BAD_GATEWAY) {
                throw refused;
            }
        }
    }

    /** Our gateway names are {@code trunk-<uuid>}; nothing else reaches the command line. */
    private static String checked(String gatewayName) {
        if (gatewayName == null || !gatewayName.matches("^[A-Za-z0-9_.-]{1,64}$")) {
            throw new IllegalArgumentException("not a gateway name: " + gatewayName);
        }
        return gatewayName;
    }
}
