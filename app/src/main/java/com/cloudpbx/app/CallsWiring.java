package com.cloudpbx.app;

import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.CallHistoryQueries;
import com.cloudpbx.core.calls.CompleteAttendedTransfers;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.LiveCalls;
import com.cloudpbx.core.calls.ParkSlots;
import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.calls.TrackCalls;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.calls.port.CallSimulator;
import com.cloudpbx.core.calls.port.EventPublisher;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.calls.port.MediaServer;
import com.cloudpbx.core.calls.port.OutboundBlocklist;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.idempotency.Idempotency;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.freeswitch.esl.EslConnection;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import com.cloudpbx.freeswitch.media.FreeSwitchHealth;
import com.cloudpbx.freeswitch.media.FreeSwitchHosts;
import com.cloudpbx.freeswitch.media.MediaServerSettings;
import com.cloudpbx.freeswitch.simulated.SimulatedSwitch;
import com.cloudpbx.freeswitch.simulated.SimulationSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live calls: the media server and the call use cases. Configuration alone picks the media server:
 * FreeSWITCH when {@code VOIP_FREESWITCH_HOSTS} names hosts, the simulated switch (and with it the
 * sandbox routes) otherwise.
 */
@Factory
public class CallsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(CallsWiring.class);
    private static final String FREESWITCH_HOSTS = "voip.freeswitch.hosts";

    @Singleton
    @Requires(missingProperty = FREESWITCH_HOSTS)
    @Named("media-events")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService mediaScheduler() {
        // One thread: the simulated switch delivers each channel's events in order.
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-switch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    @Requires(missingProperty = FREESWITCH_HOSTS)
    SimulationSettings simulationSettings(@Value("${voip.sim.answer-ms:300}") long answerMs,
                                          @Value("${voip.sim.ring-timeout-seconds:30}") long ringTimeoutSeconds,
                                          @Value("${voip.sim.offline:}") String offline) {
        Set<String> offlineExtensions = Arrays.stream(offline.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new SimulationSettings(Duration.ofMillis(answerMs), Duration.ofSeconds(ringTimeoutSeconds),
                offlineExtensions);
    }

    @Singleton
    @Requires(missingProperty = FREESWITCH_HOSTS)
    SimulatedSwitch simulatedSwitch(SimulationSettings settings, Clock clock,
                                    @Named("media-events") ScheduledExecutorService scheduler) {
        return new SimulatedSwitch(settings, clock, scheduler);
    }

    @Singleton
    @Requires(property = FREESWITCH_HOSTS)
    FreeSwitchHosts freeSwitchHosts(@Value("${" + FREESWITCH_HOSTS + "}") String hosts) {
        FreeSwitchHosts parsed;
        try {
            parsed = FreeSwitchHosts.parse(hosts);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(e.getMessage());
        }
        for (EslConnection host : parsed.withFactoryPassword()) {
            LOG.warn("!!! FreeSWITCH at {} is used with the factory Event Socket password ClueCon: anyone who can "
                    + "reach its port can take over the switch. Set a password in event_socket.conf.xml and in {} "
                    + "(host:port:password) !!!", host.address(), EslConnection.VARIABLE);
        }
        return parsed;
    }

    /** The {@code voip.freeswitch.*} properties (the VOIP_FREESWITCH_* variables), defaults where unset. */
    @Singleton
    @Requires(property = FREESWITCH_HOSTS)
    MediaServerSettings freeSwitchSettings(Environment properties, ParkSlots slots) {
        return FreeSwitchOptions.parse(variable -> properties.get(FreeSwitchOptions.PROPERTIES.get(variable),
                String.class)).mediaServerSettings(slots);
    }

    /** Connects only once the call listeners are attached (see {@link StartupTasks}): no event is missed. */
    @Singleton
    @Requires(property = FREESWITCH_HOSTS)
    @Bean(preDestroy = "close")
    EslMediaServer eslMediaServer(FreeSwitchHosts hosts, MediaServerSettings settings, Clock clock) {
        return new EslMediaServer(hosts, settings, clock);
    }

    /** /health reports FreeSWITCH down while no Event Socket connection is up. */
    @Singleton
    @Requires(property = FREESWITCH_HOSTS)
    FreeSwitchHealth freeSwitchHealth(EslMediaServer media) {
        return new FreeSwitchHealth(media);
    }

    @Singleton
    ParkSlots parkSlots(@Value("${voip.park.slots:701-750}") String range) {
        String[] bounds = range.split("-");
        if (bounds.length != 2) {
            throw new StartupRefusal("VOIP_PARK_SLOTS must be a range such as 701-750, got " + range);
        }
        return new ParkSlots(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
    }

    @Singleton
    ConferenceRooms conferenceRooms(SecureRandom random) {
        return new ConferenceRooms(random);
    }

    @Singleton
    CallAccess callAccess(LiveCallStore live, ExtensionRepository extensions, TenantRepository tenants) {
        return new CallAccess(live, extensions, tenants);
    }

    @Singleton
    Destinations destinations(CallAccess access, LiveCallStore live, ParkSlots slots, OutboundBlocklist blocklist) {
        return new Destinations(access, live, slots, blocklist);
    }

    @Singleton
    CallControl callControl(MediaServer media, LiveCallStore live, CallAccess access, Destinations destinations,
                            ParkSlots slots, ConferenceRooms rooms) {
        return new CallControl(media, live, access, destinations, slots, rooms);
    }

    @Singleton
    LiveCalls liveCalls(LiveCallStore live, CallAccess access) {
        return new LiveCalls(live, access);
    }

    @Singleton
    Conferences conferences(MediaServer media, ConferenceRooms rooms, CallAccess access) {
        return new Conferences(media, rooms, access);
    }

    @Singleton
    CallHistoryQueries callHistoryQueries(CallHistory history, TenantRepository tenants,
                                          ExtensionRepository extensions, Clock clock) {
        return new CallHistoryQueries(history, tenants, extensions, clock);
    }

    @Singleton
    TrackCalls trackCalls(LiveCallStore live, CallHistory history, EventPublisher publisher) {
        return new TrackCalls(live, history, publisher);
    }

    @Singleton
    CompleteAttendedTransfers completeAttendedTransfers(MediaServer media, LiveCallStore live) {
        return new CompleteAttendedTransfers(media, live);
    }

    @Singleton
    Idempotency idempotency(IdempotencyStore store, Clock clock,
                            @Value("${voip.idempotency.lease-seconds:60}") long leaseSeconds) {
        return new Idempotency(store, clock, Duration.ofSeconds(leaseSeconds));
    }

    @Singleton
    @Requires(beans = CallSimulator.class)
    Sandbox sandbox(CallSimulator simulator, MediaServer media, CallAccess access) {
        return new Sandbox(simulator, media, access);
    }
}
