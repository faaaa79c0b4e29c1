package com.cloudpbx.freeswitch.media.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.media.bench.CallFrames.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class PacedCallTrafficTest {

    private static final UUID TENANT = UUID.fromString("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void eventsAreFullSizedLikeFreeSwitchsOwn() {
        CallFrames frames = new CallFrames(TENANT, 2, 1);

        int[] headers = Arrays.stream(Event.values()).mapToInt(frames::headers).toArray();
        assertThat(Arrays.stream(headers).min().orElseThrow()).isGreaterThan(150);
        assertThat(Arrays.stream(headers).average().orElseThrow()).isGreaterThan(190);
        assertThat(frames.headers(Event.HANGUP_COMPLETE_A)).isGreaterThan(220);
    }

    @Test
    void everyCallReachesTheAdapterAsTheCompleteLifeOfTwoLegs() throws Exception {
        var plan = new CallPlan(100, Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(20),
                Duration.ofMillis(1200));
        var events = new ConcurrentLinkedQueue<MediaEvent>();
        try (var fs = new TrafficSwitch()) {
            fs.media().listen(events::add);
            fs.connect(WAIT);
            var traffic = new PacedCallTraffic(fs.fake(), plan, TENANT, 42);
            traffic.start();
            assertThat(traffic.await(WAIT.toMillis())).isTrue();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.size() < plan.calls() * 11 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(traffic.sentCalls()).isEqualTo(10);
            assertThat(traffic.sentEvents()).isEqualTo(10 * 11);
            Map<UUID, List<MediaEvent>> byCall = new LinkedHashMap<>();
            events.forEach(event -> byCall.computeIfAbsent(callOf(traffic, event, byCall), c -> new ArrayList<>())
                    .add(event));
            assertThat(byCall).hasSize(10);
            for (int call = 0; call < 10; call++) {
                UUID a = traffic.callUuid(call);
                List<MediaEvent> life = byCall.get(a);
                assertThat(traffic.callIndex(a)).isEqualTo(call);
                assertThat(life).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                        "ChannelCreated", "ChannelCreated", "ChannelRinging", "ChannelAnswered", "ChannelAnswered",
                        "ChannelBridged", "ChannelBridged", "ChannelUnbridged", "ChannelUnbridged", "ChannelHungUp",
                        "ChannelHungUp");
                ChannelCreated first = (ChannelCreated) life.get(0);
                ChannelCreated second = (ChannelCreated) life.get(1);
                UUID b = second.uuid();
                assertThat(first.uuid()).isEqualTo(a);
                assertThat(first.callUuid()).isEqualTo(a);
                assertThat(second.callUuid()).isEqualTo(a);
                assertThat(first.tenant()).isEqualTo(TenantId.of(TENANT));
                assertThat(first.direction()).isEqualTo(CallDirection.OUTBOUND);
                assertThat(first.extension()).isEqualTo(Integer.toString(1000 + call));
                assertThat(first.destination()).isEqualTo("+14155550123");
                assertThat(second.extension()).isNull();
                assertThat(((ChannelRinging) life.get(2)).uuid()).isEqualTo(b);
                assertThat(((ChannelAnswered) life.get(3)).uuid()).isEqualTo(b);
                assertThat(((ChannelAnswered) life.get(4)).uuid()).isEqualTo(a);
                assertThat(((ChannelBridged) life.get(5)).otherUuid()).isEqualTo(b);
                assertThat(((ChannelUnbridged) life.get(7)).otherUuid()).isEqualTo(b);
                ChannelHungUp farEnd = (ChannelHungUp) life.get(9);
                ChannelHungUp last = (ChannelHungUp) life.get(10);
                assertThat(farEnd.uuid()).isEqualTo(b);
                assertThat(last.uuid()).isEqualTo(a);
                assertThat(last.hangupCause()).isEqualTo("NORMAL_CLEARING");
                assertThat(last.billsec()).isEqualTo(1);
                assertThat(last.at()).isAfterOrEqualTo(first.at().plusMillis(1200));
                assertThat(traffic.hangupSentNanos(call)).isPositive();
            }
        }
    }

    /** Events of a B leg are filed under the call its creation named. */
    private static UUID callOf(PacedCallTraffic traffic, MediaEvent event, Map<UUID, List<MediaEvent>> byCall) {
        if (event instanceof ChannelCreated created) {
            return created.callUuid();
        }
        if (traffic.callIndex(event.uuid()) >= 0) {
            return event.uuid();
        }
        return byCall.entrySet().stream()
                .filter(call -> call.getValue().stream().anyMatch(e -> e.uuid().equals(event.uuid())))
                .findFirst().orElseThrow().getKey();
    }
}
