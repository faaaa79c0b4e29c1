package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.port.SecretCipher;
import java.util.List;

/** The gateways the media server loads: one per active trunk, with its password decrypted. */
public final class GatewayConfiguration {

    private final TrunkRepository trunks;
    private final SecretCipher cipher;

    public GatewayConfiguration(TrunkRepository trunks, SecretCipher cipher) {
        this.trunks = trunks;
        this.cipher = cipher;
    }

    public List<GatewaySettings> activeGateways() {
        return trunks.listActive().stream().map(this::settings).toList();
    }

    private GatewaySettings settings(SipTrunk trunk) {
        String password = trunk.passwordEncrypted() == null ? null : cipher.decrypt(trunk.passwordEncrypted());
        return new GatewaySettings(trunk.gatewayName(), trunk.name(), trunk.proxy(), trunk.username(), password,
                trunk.register(), trunk.transport(), trunk.codecs());
    }
}
