package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.RecordedMediaEvents;
import com.cloudpbx.core.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulated switch whose phones answer after 20 ms and give up ringing after 200 ms, with
 * extension 1099 unregistered, and every event it emits recorded.
 */
abstract class SimulatedSwitchTestSupport {

    static final Duration ANSWER_DELAY = Duration.ofMillis(20);
    static final Duration RING_TIMEOUT = Duration.ofMillis(200);
    static final String OFFLINE = "1099";
    static final String SIP_DOMAIN = "acme.sip.example.com";

    final TenantId tenant = TenantId.of(UUID.randomUUID());
    final RecordedMediaEvents events = new RecordedMediaEvents(Duration.ofSeconds(5));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    SimulatedSwitch sim;

    @BeforeEach
    void startSwitch() {
        sim = new SimulatedSwitch(settings(), clock(), scheduler);
        sim.listen(events);
    }

    @AfterEach
    void stopSwitch() {
        scheduler.shutdownNow();
    }

    SimulationSettings settings() {
        return new SimulationSettings(ANSWER_DELAY, RING_TIMEOUT, Set.of(OFFLINE));
    }

    Clock clock() {
        return Clock.systemUTC();
    }

    static Destination extension(String number) {
        return Destination.extension(number, SIP_DOMAIN);
    }

    static Destination number(String e164) {
        return Destination.number(e164, SIP_DOMAIN);
    }

    Originate originate(UUID uuid, String fromExtension, Destination to) {
        return new Originate(uuid, tenant, extension(fromExtension), to, fromExtension, "Alice", Duration.ofSeconds(30));
    }

    /** Calls {@code to} from {@code fromExtension} and waits until both legs are bridged; returns the second leg. */
    UUID connectedCall(UUID caller, String fromExtension, Destination to) {
        sim.originate(originate(caller, fromExtension, to));
        UUID callee = events.awaitOtherLeg(caller, caller);
        events.await(MediaEvent.ChannelBridged.class, callee);
        return callee;
    }

    UUID connectedCall(UUID caller) {
        return connectedCall(caller, "1001", extension("1002"));
    }

    /** Each event as "Kind uuid", so a whole sequence across legs reads as one list. */
    List<String> timeline(List<MediaEvent> recorded, UUID... legs) {
        List<UUID> named = List.of(legs);
        return recorded.stream()
                .filter(event -> named.contains(event.uuid()))
                .map(event -> event.getClass().getSimpleName() + " " + label(named, event.uuid()))
                .toList();
    }

    private static String label(List<UUID> legs, UUID uuid) {
        return Character.toString('A' + legs.indexOf(uuid));
    }
}
