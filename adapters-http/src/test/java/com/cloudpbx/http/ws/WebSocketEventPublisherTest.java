package com.cloudpbx.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallEventType;
import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebSocketEventPublisherTest {

    private static final TenantId ACME = TenantId.of(UUID.randomUUID());
    private static final TenantId GLOBEX = TenantId.of(UUID.randomUUID());

    private final JsonMapper json = JsonMapper.createDefault();
    private final WebSocketEventPublisher publisher = new WebSocketEventPublisher(json);

    @Test
    void eachClientGetsOnlyItsAudienceSEvents() {
        var acmeAdmin = subscribe("acme-admin", new EventAudience(ACME, null));
        var globexAdmin = subscribe("globex-admin", new EventAudience(GLOBEX, null));
        var superadmin = subscribe("superadmin", new EventAudience(null, null));
        var user1001 = subscribe("user-1001", new EventAudience(ACME, "1001"));
        var user1003 = subscribe("user-1003", new EventAudience(ACME, "1003"));

        publisher.publish(new CallNotification(CallEventType.CALL_START, leg(ACME, "1002", "1001", "1002"),
                Instant.parse("2026-06-01T14:03:22Z"), null));

        assertThat(acmeAdmin.sent).hasSize(1);
        assertThat(superadmin.sent).hasSize(1);
        assertThat(user1001.sent).hasSize(1);
        assertThat(globexAdmin.sent).isEmpty();
        assertThat(user1003.sent).isEmpty();
    }

    @Test
    void anEventNamesTheLegTwiceAndTheCallOnce() throws IOException {
        var admin = subscribe("admin", new EventAudience(ACME, null));
        LiveChannel leg = leg(ACME, "1002", "1001", "1002");

        publisher.publish(new CallNotification(CallEventType.CALL_END, leg, Instant.parse("2026-06-01T14:05:00Z"),
                "USER_BUSY"));

        Map<String, Object> event = json.readValue(admin.sent.get(0), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.get("data");
        assertThat(event.get("type")).isEqualTo("call_end");
        assertThat(event.get("timestamp")).isEqualTo("2026-06-01T14:05:00Z");
        assertThat(data.get("uuid")).isEqualTo(leg.uuid().toString());
        assertThat(data.get("call_uuid")).isEqualTo(leg.uuid().toString());
        assertThat(data.get("call_id")).isEqualTo(leg.callUuid().toString());
        assertThat(data.get("hangup_cause")).isEqualTo("USER_BUSY");
        assertThat(data.get("caller_id_number")).isEqualTo("1001");
        assertThat(data.get("direction")).isEqualTo("internal");
        assertThat(data).doesNotContainKeys("slot", "target", "conference");
    }

    @Test
    void aStuckClientIsDroppedWithoutHoldingUpTheOthers() {
        var stuck = subscribe("stuck", new EventAudience(ACME, null));
        var fine = new SessionOutboxTest.ManualSink() {
            @Override
            public java.util.concurrent.CompletionStage<?> send(String text) {
                sent.add(text);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
        };
        publisher.subscribe("fine", new EventAudience(ACME, null), new SessionOutbox(fine, 1_000,
                () -> publisher.unsubscribe("fine")));

        for (int i = 0; i < 1_500; i++) {
            publisher.publish(new CallNotification(CallEventType.CALL_HOLD, leg(ACME, "1002", "1001", "1002"),
                    Instant.now(), null));
        }

        assertThat(stuck.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
        assertThat(publisher.isSubscribed("stuck")).isFalse();
        assertThat(fine.sent).hasSize(1_500);
        assertThat(publisher.isSubscribed("fine")).isTrue();
    }

    @Test
    void aTenantEventReachesItsTenantAndOnlyTheUserItIsAbout() throws IOException {
        var acmeAdmin = subscribe("acme-admin", new EventAudience(ACME, null));
        var globexAdmin = subscribe("globex-admin", new EventAudience(GLOBEX, null));
        var user1001 = subscribe("user-1001", new EventAudience(ACME, "1001"));
        var user1003 = subscribe("user-1003", new EventAudience(ACME, "1003"));

        publisher.publish(new TenantEvent("queue_agent_login", ACME, "1001",
                Map.of("extension", "1001", "status", "available"), Instant.parse("2026-06-01T14:03:22Z")));

        assertThat(acmeAdmin.sent).hasSize(1);
        assertThat(user1001.sent).hasSize(1);
        assertThat(globexAdmin.sent).isEmpty();
        assertThat(user1003.sent).isEmpty();
        Map<String, Object> event = json.readValue(acmeAdmin.sent.get(0), Argument.mapOf(String.class, Object.class));
        assertThat(event).containsEntry("type", "queue_agent_login").containsEntry("timestamp", "2026-06-01T14:03:22Z")
                .containsEntry("data", Map.of("extension", "1001", "status", "available"));
    }

    private SessionOutboxTest.ManualSink subscribe(String id, EventAudience audience) {
        var sink = new SessionOutboxTest.ManualSink();
        publisher.subscribe(id, audience, new SessionOutbox(sink, 1_000, () -> publisher.unsubscribe(id)));
        return sink;
    }

    private static LiveChannel leg(TenantId tenant, String extension, String caller, String destination) {
        UUID uuid = UUID.randomUUID();
        return new LiveChannel(uuid, UUID.randomUUID(), tenant, extension, caller, "Caller " + caller, destination,
                CallDirection.INTERNAL, false, false, Instant.parse("2026-06-01T14:03:20Z"), null, null, null, null);
    }
}
