package com.cloudpbx.freeswitch.media;

import static com.cloudpbx.freeswitch.media.EslMediaServerFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.LeaseState;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.RecordedMediaEvents;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.esl.EslConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes connected to one switch: each may send it commands, but only the node holding the
 * switch's lease hands its events on; when that node dies, the other takes over and applies what
 * happened meanwhile.
 */
class EslMediaServerLeaseTest {

    private static final String DOMAIN = "acme.sip.example.com";
    private static final Duration TTL = Duration.ofMillis(500);

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final ScriptedFreeSwitch freeSwitch = new ScriptedFreeSwitch(tenant.value(), DOMAIN, EslMediaServerFixture.PASSWORD);
    private final LeaseTable table = new LeaseTable();
    private final List<EslMediaServer> nodes = new ArrayList<>();
    private final int port = freeSwitch.start();

    @AfterEach
    void stop() {
        nodes.forEach(EslMediaServer::close);
        freeSwitch.close();
    }

    @Test
    void onlyTheNodeHoldingTheLeaseHandsTheSwitchsEventsOn() {
        RecordedMediaEvents onA = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
        RecordedMediaEvents onB = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
        EslMediaServer a = node("a", onA);
        eventually(() -> a.appliesEventsOf(host()));
        EslMediaServer b = node("b", onB);
        UUID leg = UUID.randomUUID();

        b.originate(originate(leg));

        onA.await(ChannelCreated.class, leg);
        onB.idle(Duration.ofMillis(300));
        assertThat(onB.of(leg)).isEmpty();
        assertThat(b.appliesEventsOf(host())).isFalse();
    }

    @Test
    void aNodeThatDoesNotHoldTheLeaseStillCommandsTheLegsItKnows() {
        RecordedMediaEvents onA = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
        EslMediaServer a = node("a", onA);
        eventually(() -> a.appliesEventsOf(host()));
        EslMediaServer b = node("b", new RecordedMediaEvents(EslMediaServerFixture.WAIT));
        UUID leg = UUID.randomUUID();
        a.originate(originate(leg));
        onA.await(ChannelCreated.class, leg);
        eventually(() -> b.channels().stream().anyMatch(channel -> channel.uuid().equals(leg)));

        b.hangup(leg);

        onA.await(ChannelHungUp.class, leg);
    }

    @Test
    void whenTheHolderDiesTheOtherNodeTakesOverAndAppliesWhatHappenedMeanwhile() {
        RecordedMediaEvents onA = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
        RecordedMediaEvents onB = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
        EslMediaServer a = node("a", onA);
        eventually(() -> a.appliesEventsOf(host()));
        EslMediaServer b = node("b", onB);
        UUID leg = UUID.randomUUID();
        b.originate(originate(leg));
        onA.await(ChannelCreated.class, leg);
        table.crash("a");

        freeSwitch.answer(leg);

        onB.await(ChannelAnswered.class, leg);
        assertThat(b.appliesEventsOf(host())).isTrue();
        b.hangup(leg);
        onB.await(ChannelHungUp.class, leg);
    }

    @Test
    void aNodeIsToldWhenItStartsApplyingASwitchsEventsAndNotBefore() {
        EslMediaServer a = node("a", new RecordedMediaEvents(EslMediaServerFixture.WAIT));
        eventually(() -> a.appliesEventsOf(host()));
        List<String> takenOver = new CopyOnWriteArrayList<>();
        EslMediaServer b = node("b", new RecordedMediaEvents(EslMediaServerFixture.WAIT), takenOver::add);
        assertThat(takenOver).isEmpty();

        table.crash("a");

        eventually(() -> !takenOver.isEmpty());
        assertThat(takenOver).containsExactly(host());
        assertThat(b.appliesEventsOf(host())).isTrue();
    }

    @Test
    void theFirstNodeIsToldOnceItHasReadTheSwitchsChannels() {
        List<String> takenOver = new CopyOnWriteArrayList<>();

        node("a", new RecordedMediaEvents(EslMediaServerFixture.WAIT), takenOver::add);

        eventually(() -> !takenOver.isEmpty());
        assertThat(takenOver).containsExactly(host());
    }

    @Test
    void aNodeThatStopsHandsTheLeaseOverAtOnce() {
        EslMediaServer a = node("a", new RecordedMediaEvents(EslMediaServerFixture.WAIT));
        eventually(() -> a.appliesEventsOf(host()));
        EslMediaServer b = node("b", new RecordedMediaEvents(EslMediaServerFixture.WAIT));

        a.close();

        assertThat(table.holder(host())).isNull();
        eventually(() -> b.appliesEventsOf(host()));
    }

    private EslMediaServer node(String name, RecordedMediaEvents events) {
        return node(name, events, host -> { });
    }

    private EslMediaServer node(String name, RecordedMediaEvents events, Consumer<String> takingOver) {
        FreeSwitchHosts hosts = new FreeSwitchHosts(List.of(new EslConnection("127.0.0.1", port, EslMediaServerFixture.PASSWORD)));
        EslMediaServer node = new EslMediaServer(hosts, EslMediaServerFixture.settings(), Clock.systemUTC(),
                new EventLease(table.forNode(name), TTL));
        node.listen(events);
        node.whenApplyingEvents(takingOver);
        node.start();
        nodes.add(node);
        eventually(() -> node.resynchronisations() >= 1);
        return node;
    }

    private String host() {
        return "127.0.0.1:" + port;
    }

    private Originate originate(UUID uuid) {
        return new Originate(uuid, tenant, Destination.extension("1001", DOMAIN), Destination.extension("1002", DOMAIN),
                "1001", "Alice", Duration.ofSeconds(30));
    }

    /** Leases of several nodes in one table, lapsing as Redis keys would; a crashed node neither renews nor releases. */
    private static final class LeaseTable {

        private record Lease(String node, long expiresAt) {
        }

        private final Map<String, Lease> leases = new ConcurrentHashMap<>();
        private final Map<String, Boolean> crashed = new ConcurrentHashMap<>();

        synchronized LeaseState hold(String node, String server, Duration ttl) {
            if (crashed.containsKey(node)) {
                return LeaseState.UNKNOWN;
            }
            long now = System.nanoTime();
            Lease current = leases.get(server);
            if (current == null || current.expiresAt() < now || current.node().equals(node)) {
                leases.put(server, new Lease(node, now + ttl.toNanos()));
                return LeaseState.HELD;
            }
            return LeaseState.HELD_ELSEWHERE;
        }

        synchronized void release(String node, String server) {
            if (!crashed.containsKey(node)) {
                leases.computeIfPresent(server, (key, lease) -> lease.node().equals(node) ? null : lease);
            }
        }

        void crash(String node) {
            crashed.put(node, true);
        }

        synchronized String holder(String server) {
            Lease lease = leases.get(server);
            return lease == null ? null : lease.node();
        }

        MediaServerLeases forNode(String node) {
            return new MediaServerLeases() {
                @Override
                public LeaseState hold(String server, Duration ttl) {
                    return LeaseTable.this.hold(node, server, ttl);
                }

                @Override
                public void release(String server) {
                    LeaseTable.this.release(node, server);
                }
            };
        }
    }
}
