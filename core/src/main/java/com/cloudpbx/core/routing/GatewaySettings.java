package com.cloudpbx.core.routing;

import java.util.List;

/**
 * What the media server needs to load one trunk's gateway, password in clear: it goes nowhere
 * but into the configuration document the media server fetches.
 */
public record GatewaySettings(String gatewayName, String trunkName, String proxy, String username, String password,
                              boolean register, String transport, List<String> codecs) {

    public GatewaySettings {
        codecs = List.copyOf(codecs);
    }

    @Override
    public String toString() {
        return "GatewaySettings[" + gatewayName + "]";
    }
}
