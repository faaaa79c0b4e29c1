package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.routing.GatewayStatus;
import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.port.TrunkGateways;
import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trunk gateways of the simulated switch: there is no carrier, so every active trunk's gateway is
 * up once synced (registered when the trunk registers), and an inactive one is not loaded.
 */
@Singleton
@Requires(missingProperty = FreeSwitchSettings.HOSTS)
public final class SimulatedTrunkGateways implements TrunkGateways {

    private final Map<String, GatewayStatus> loaded = new ConcurrentHashMap<>();

    @Override
    public GatewayStatus status(String gatewayName) {
        return loaded.getOrDefault(gatewayName, GatewayStatus.notLoaded());
    }

    @Override
    public void sync(SipTrunk trunk) {
        if (trunk.active()) {
            loaded.put(trunk.gatewayName(), new GatewayStatus("UP", trunk.register() ? "REGED" : "NOREG", null));
        } else {
            loaded.remove(trunk.gatewayName());
        }
    }

    @Override
    public void remove(String gatewayName) {
        loaded.remove(gatewayName);
    }
}
