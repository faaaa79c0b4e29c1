package com.cloudpbx.http.ws;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.ws.SocketAuthenticator.Identity;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each open events socket only as long as its credential stands. Every
 * {@code voip.auth.session-recheck-seconds} ({@link SessionRecheckSettings}) each distinct credential of this node's
 * sockets is checked again, as a request would be (a revoked or regenerated key, a token issued
 * before a new password, a disabled extension, a suspended tenant...); its sockets are closed with
 * 4401 when it no longer stands. A token's socket is also closed with 4401 at the token's expiry.
 * <p>
 * The checks run on the blocking executor, one sweep at a time, and cost one check per
 * credential, however many sockets share it: a key read by its hash, a token's standing (cached
 * for a few seconds). A failure to check (the database down) keeps the sockets open until a
 * later sweep can decide.
 */
@Singleton
public class SessionStandings {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStandings.class);

    private final CredentialCheck check;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Map<String, Watched> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public SessionStandings(CredentialCheck check, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock) {
        this.check = check;
        this.blocking = blocking;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Watches an admitted socket until {@link #forget}; closes it at its token's expiry. */
    public void watch(String sessionId, Identity identity, SessionOutbox outbox) {
        Watched watched = new Watched(identity, outbox);
        sessions.put(sessionId, watched);
        identity.expiry().ifPresent(expiry -> watched.expiry = scheduler.schedule(
                positive(Duration.between(clock.instant(), expiry)),
                () -> outbox.shutDown(CloseCodes.UNAUTHORIZED, "The token expired; log in again")));
        if (outbox.isClosed()) {
            forget(sessionId);
        }
    }

    public void forget(String sessionId) {
        Watched watched = sessions.remove(sessionId);
        if (watched != null && watched.expiry != null) {
            watched.expiry.cancel(false);
        }
    }

    public int watchedCount() {
        return sessions.size();
    }

    /** Every {@link SessionRecheckSettings#sessionRecheckSeconds()}, see {@link SessionRechecks}. */
    void recheckAll() {
        if (sessions.isEmpty() || !sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            blocking.execute(() -> {
                try {
                    sweep();
                } finally {
                    sweeping.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            sweeping.set(false);
        }
    }

    /** One check per credential: sockets opened with the same key or token share its verdict. */
    void sweep() {
        Map<SocketAuthenticator.Credential, List<Watched>> byCredential = new LinkedHashMap<>();
        for (Watched watched : sessions.values()) {
            byCredential.computeIfAbsent(watched.identity.credential(), c -> new ArrayList<>()).add(watched);
        }
        byCredential.forEach((credential, watchers) -> {
            try {
                check.recheck(watchers.get(0).identity);
            } catch (DomainException refused) {
                watchers.forEach(w -> w.outbox.shutDown(CloseCodes.UNAUTHORIZED, refused.getMessage()));
            } catch (RuntimeException failed) {
                LOG.warn("Could not check the credential of {} events socket(s); they stay open until the next check",
                        watchers.size(), failed);
            }
        });
    }

    private static Duration positive(Duration delay) {
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private static final class Watched {

        final Identity identity;
        final SessionOutbox outbox;
        volatile ScheduledFuture<?> expiry;

        Watched(Identity identity, SessionOutbox outbox) {
            this.identity = identity;
            this.outbox = outbox;
        }
    }
}
