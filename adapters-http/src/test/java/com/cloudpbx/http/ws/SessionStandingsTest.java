package com.cloudpbx.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.http.ws.SessionOutboxTest.ManualSink;
import com.cloudpbx.http.ws.SocketAuthenticator.Credential;
import com.cloudpbx.http.ws.SocketAuthenticator.Identity;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open sockets live only as long as their credential: checked per credential, closed with 4401. */
class SessionStandingsTest {

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final List<Identity> checked = new CopyOnWriteArrayList<>();
    private final Set<Credential> refused = new HashSet<>();
    private boolean backendDown;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final SessionStandings standings = new SessionStandings(this::check, blocking,
            new ScheduledExecutorTaskScheduler(timer), Clock.systemUTC());

    @AfterEach
    void stop() {
        timer.shutdownNow();
        blocking.shutdownNow();
    }

    @Test
    void aSocketWhoseCredentialNoLongerStandsIsClosedWith4401AndTheReason() {
        Identity key = identity("csk_live_revoked", null);
        ManualSink sink = watch("s1", key);
        refused.add(key.credential());

        standings.sweep();

        assertThat(sink.closedWith).isEqualTo(CloseCodes.UNAUTHORIZED);
        assertThat(sink.closeReason).isEqualTo("This API key has been revoked");
        assertThat(standings.watchedCount()).isZero();
    }

    @Test
    void socketsSharingACredentialCostOneCheckASweep() {
        Identity key = identity("csk_live_shared", null);
        ManualSink first = watch("s1", key);
        ManualSink second = watch("s2", key);
        watch("s3", identity("csk_live_other", null));

        standings.sweep();

        assertThat(checked).hasSize(2);
        assertThat(first.closedWith).isNull();
        assertThat(second.closedWith).isNull();
    }

    @Test
    void aCheckThatFailsForABackendKeepsTheSocketOpen() {
        ManualSink sink = watch("s1", identity("csk_live_key", null));
        backendDown = true;

        standings.sweep();

        assertThat(sink.closedWith).isNull();
        assertThat(standings.watchedCount()).isEqualTo(1);
    }

    @Test
    void aTokenSocketIsClosedWith4401WhenTheTokenExpires() throws Exception {
        ManualSink sink = watch("s1", identity(null, Instant.now().plusMillis(200)));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sink.closedWith == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(sink.closedWith).isEqualTo(CloseCodes.UNAUTHORIZED);
        assertThat(sink.closeReason).contains("expired");
    }

    @Test
    void aForgottenSocketIsNoLongerChecked() {
        watch("s1", identity("csk_live_key", null));

        standings.forget("s1");
        standings.sweep();

        assertThat(checked).isEmpty();
    }

    private void check(Identity identity) {
        checked.add(identity);
        if (backendDown) {
            throw new IllegalStateException("database unavailable");
        }
        if (refused.contains(identity.credential())) {
            throw DomainException.unauthorized("This API key has been revoked");
        }
    }

    private ManualSink watch(String sessionId, Identity identity) {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, () -> standings.forget(sessionId));
        standings.watch(sessionId, identity, outbox);
        return sink;
    }

    private Identity identity(String apiKey, Instant expiresAt) {
        Principal principal = new Principal(UUID.randomUUID(), apiKey == null ? PrincipalKind.ADMIN
                : PrincipalKind.API_KEY, Role.ADMIN, tenant, null, Set.of());
        return new Identity(new Actor(principal, tenant, "203.0.113.9"), new EventAudience(tenant, null),
                new Credential(apiKey, principal), expiresAt);
    }
}
