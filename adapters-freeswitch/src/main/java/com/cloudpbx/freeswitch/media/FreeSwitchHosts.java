package com.cloudpbx.freeswitch.media;

import com.cloudpbx.freeswitch.esl.EslConnection;
import java.util.List;

/**
 * The media servers named by {@code VOIP_FREESWITCH_HOSTS} ({@link EslConnection#parseAll} format).
 * Setting the variable is what selects real FreeSWITCH over the simulated switch, so an empty list
 * is refused rather than read as "no media server".
 */
public record FreeSwitchHosts(List<EslConnection> connections) {

    public FreeSwitchHosts {
        connections = List.copyOf(connections);
        if (connections.isEmpty()) {
            throw new IllegalArgumentException(EslConnection.VARIABLE + " names no media server");
        }
    }

    public static FreeSwitchHosts parse(String value) {
        return new FreeSwitchHosts(EslConnection.parseAll(value));
    }

    /** Hosts still on the password FreeSWITCH ships with: anyone reaching their port controls them. */
    public List<EslConnection> withFactoryPassword() {
        return connections.stream().filter(EslConnection::factoryPassword).toList();
    }
}
