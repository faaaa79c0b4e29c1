package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import com.cloudpbx.freeswitch.esl.EslConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link EslMediaServer} is built from, when {@code VOIP_FREESWITCH_HOSTS} selects FreeSWITCH:
 * the hosts and the adapter's settings, both read from {@link FreeSwitchSettings}.
 */
@Factory
@Requires(property = FreeSwitchSettings.HOSTS)
class FreeSwitchBeans {

    private static final Logger LOG = LoggerFactory.getLogger(FreeSwitchBeans.class);

    @Singleton
    FreeSwitchHosts freeSwitchHosts(FreeSwitchSettings settings) {
        FreeSwitchHosts hosts = FreeSwitchHosts.parse(settings.hosts());
        for (EslConnection host : hosts.withFactoryPassword()) {
            LOG.warn("!!! FreeSWITCH at {} is used with the factory Event Socket password ClueCon: anyone who can "
                    + "reach its port can take over the switch. Set a password in event_socket.conf.xml and in {} "
                    + "(host:port:password) !!!", host.address(), EslConnection.VARIABLE);
        }
        return hosts;
    }

    @Singleton
    EventLease eventLease(MediaServerLeases leases, FreeSwitchSettings settings) {
        return new EventLease(leases, settings.eventLease());
    }

    @Singleton
    MediaServerSettings mediaServerSettings(FreeSwitchSettings settings, ParkSlotRange slots) {
        return settings.mediaServerSettings(slots);
    }
}
