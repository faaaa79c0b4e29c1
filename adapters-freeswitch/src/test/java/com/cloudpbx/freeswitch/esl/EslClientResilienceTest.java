package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslClientResilienceTest extends EslClientTestSupport {

    @Test
    void afterTheSwitchRestartsTheClientReconnectsAndReportsConnectedAgain() throws Exception {
        connected();

        fake.stop();
        listener.nextDisconnect(WAIT);
        fake.start();

        listener.awaitConnects(2, WAIT);
        assertThat(client.sessions()).isEqualTo(2);
        assertThat(fake.commands()).filteredOn(c -> c.startsWith("auth ")).hasSize(2);
    }

    @Test
    void commandsWhileDisconnectedFailFastAsUnavailable() throws Exception {
        connected();
        fake.stop();
        listener.nextDisconnect(WAIT);

        long started = System.nanoTime();
        var reply = client.bgapi("status", Duration.ofSeconds(10));

        assertThat(reply.handle((ok, error) -> error).join()).isInstanceOf(EslUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void commandsWorkAgainAfterAReconnect() throws Exception {
        connected();
        fake.dropClients();
        listener.awaitConnects(2, WAIT);

        assertThat(client.bgapi("status", WAIT).get()).isEqualTo("+OK");
    }

    @Test
    void aDisconnectNoticeIsReportedWithItsMessageAndFollowedByAReconnect() throws Exception {
        connected();

        fake.sendDisconnectNotice("Disconnected, goodbye.\n");

        assertThat(listener.nextDisconnect(WAIT)).hasMessageContaining("Disconnected, goodbye.");
        listener.awaitConnects(2, WAIT);
    }

    @Test
    void aConnectionSilentPastTheHeartbeatTimeoutIsReplaced() throws Exception {
        connect(settings().withHeartbeatTimeout(Duration.ofMillis(300)), PASSWORD);
        listener.awaitConnects(1, WAIT);

        assertThat(listener.nextDisconnect(WAIT)).hasMessageContaining("heartbeat timeout");
        listener.awaitConnects(2, WAIT);
        assertThat(fake.commands()).filteredOn(c -> c.startsWith("auth ")).hasSize(2);
    }

    @Test
    void heartbeatsKeepAQuietConnectionAlive() throws Exception {
        connect(settings().withHeartbeatTimeout(Duration.ofMillis(400)), PASSWORD);
        listener.awaitConnects(1, WAIT);

        for (int i = 0; i < 10; i++) {
            fake.send(EslWire.plainEventFrame(event("HEARTBEAT", "Event-Info", "System Ready"), ""));
            Thread.sleep(100);
        }

        assertThat(listener.disconnects).isEmpty();
        assertThat(client.sessions()).isEqualTo(1);
    }

    @Test
    void aStuckListenerStopsTheReadingInsteadOfQueueingWithoutBound() throws Exception {
        int capacity = 16;
        connect(settings().withQueueCapacity(capacity), PASSWORD);
        listener.awaitConnects(1, WAIT);
        listener.block();

        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            frames.add(EslWire.plainEventFrame(event("DTMF", "Event-Sequence", Integer.toString(i)), ""));
        }
        Thread sender = Thread.ofPlatform().start(() -> fake.sendPacked(frames));
        eventually(() -> client.readPauses() > 0);
        Thread.sleep(200);

        // Bounded by the queue plus what one socket read had already brought in.
        assertThat(client.queuedEvents()).isLessThanOrEqualTo(capacity + 1);
        assertThat(client.mostQueuedEvents()).isLessThan(frames.size());
        assertThat(listener.events).isEmpty();

        listener.unblock();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(listener.nextEvent(WAIT).header("Event-Sequence")).contains(Integer.toString(i));
        }
        sender.join(WAIT.toMillis());
    }

    @Test
    void aStuckListenerDoesNotHoldUpCommandReplies() throws Exception {
        connect(settings().withQueueCapacity(4), PASSWORD);
        listener.awaitConnects(1, WAIT);
        listener.block();
        fake.send(EslWire.plainEventFrame(event("DTMF"), ""));

        assertThat(client.bgapi("status", WAIT).get()).isEqualTo("+OK");
        listener.unblock();
    }

    @Test
    void aListenerStuckPastAFullQueueDoesNotHoldUpCommandResults() throws Exception {
        int capacity = 4;
        connect(settings().withQueueCapacity(capacity), PASSWORD);
        listener.awaitConnects(1, WAIT);
        listener.block();
        int sent = capacity + 3;
        for (int i = 0; i < sent; i++) {
            fake.send(EslWire.plainEventFrame(event("DTMF", "Event-Sequence", Integer.toString(i)), ""));
        }
        // Full, or one short when the stuck listener took its event after the socket read them all
        // (the events held past the queue move in only once it is half empty).
        eventually(() -> client.queuedEvents() >= capacity - 1);
        Thread.sleep(100);

        // The listener is stuck (say on a database that stopped answering) with a full queue behind
        // it; the job's result comes in after those events and must still be read.
        assertThat(client.bgapi("status", WAIT).get()).isEqualTo("+OK");

        listener.unblock();
        for (int i = 0; i < sent; i++) {
            assertThat(listener.nextEvent(WAIT).header("Event-Sequence")).contains(Integer.toString(i));
        }
    }

    @Test
    void aListenerThatThrowsStillReceivesTheNextEvent() throws Exception {
        RecordingListener recording = listener;
        client = new EslClient(new EslConnection("127.0.0.1", fake.port(), PASSWORD), settings(), new EslListener() {
            @Override
            public void onEvent(EslConnection from, EslEvent event) {
                if (event.name().equals("CHANNEL_PARK")) {
                    throw new IllegalStateException("listener bug");
                }
                recording.onEvent(from, event);
            }

            @Override
            public void onConnected(EslConnection to) {
                recording.onConnected(to);
            }
        });
        client.start();
        listener.awaitConnects(1, WAIT);

        fake.sendPacked(List.of(EslWire.plainEventFrame(event("CHANNEL_PARK"), ""),
                EslWire.plainEventFrame(event("CHANNEL_UNPARK"), "")));

        assertThat(listener.nextEvent(WAIT).name()).isEqualTo("CHANNEL_UNPARK");
    }
}
