package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventGateTest {

    private final List<MediaEvent> passed = new ArrayList<>();

    @Test
    void anOpenGatePassesEventsAtOnce() {
        EventGate gate = new EventGate(passed::add, Duration.ofSeconds(10), 100);
        gate.open();
        MediaEvent event = answered();

        gate.offer(event);

        assertThat(passed).containsExactly(event);
    }

    @Test
    void aClosedGateKeepsEventsAndReplaysThemInOrderWhenOpened() {
        EventGate gate = new EventGate(passed::add, Duration.ofSeconds(10), 100);
        MediaEvent first = answered();
        MediaEvent second = answered();

        gate.offer(first);
        gate.offer(second);
        assertThat(passed).isEmpty();
        gate.open();

        assertThat(passed).containsExactly(first, second);
        assertThat(gate.keptEvents()).isZero();
    }

    @Test
    void eventsOlderThanTheWindowAreNotReplayed() throws InterruptedException {
        EventGate gate = new EventGate(passed::add, Duration.ofMillis(50), 100);
        gate.offer(answered());
        Thread.sleep(120);
        MediaEvent recent = answered();
        gate.offer(recent);

        gate.open();

        assertThat(passed).containsExactly(recent);
    }

    @Test
    void pastItsCapacityAGateForgetsTheOldestEvents() {
        EventGate gate = new EventGate(passed::add, Duration.ofSeconds(10), 2);
        gate.offer(answered());
        MediaEvent second = answered();
        MediaEvent third = answered();
        gate.offer(second);
        gate.offer(third);

        gate.open();

        assertThat(passed).containsExactly(second, third);
    }

    @Test
    void aGateClosedAgainKeepsEventsAgain() {
        EventGate gate = new EventGate(passed::add, Duration.ofSeconds(10), 100);
        gate.open();
        gate.close();

        gate.offer(answered());

        assertThat(passed).isEmpty();
        assertThat(gate.keptEvents()).isEqualTo(1);
    }

    private static MediaEvent answered() {
        return new ChannelAnswered(UUID.randomUUID(), Instant.now());
    }
}
