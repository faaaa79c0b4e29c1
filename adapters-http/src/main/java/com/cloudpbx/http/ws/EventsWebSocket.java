package com.cloudpbx.http.ws;

import com.cloudpbx.core.presence.PresenceWatch;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.errors.BackendOutages;
import com.cloudpbx.http.network.ClientAddresses;
import com.cloudpbx.http.shared.Times;
import com.cloudpbx.http.ws.EventJson.ClientMessage;
import com.cloudpbx.http.ws.EventJson.Connected;
import com.cloudpbx.http.ws.EventJson.ConnectedData;
import com.cloudpbx.http.ws.EventJson.Pong;
import com.cloudpbx.http.ws.SocketAuthenticator.Identity;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time events socket. Browsers cannot set headers on a WebSocket handshake, so the
 * credential comes as {@code ?token=} (a JWT or an API key; {@code ?apiKey=} too) or, failing
 * that, in the first message: {@code {"type":"auth","token":"..."}}. Until then the client gets
 * nothing; without a valid credential within {@link #AUTH_DEADLINE} or with a wrong one it is
 * closed with 4401. Superadmins pick a tenant with {@code ?tenantId=} or watch every tenant.
 * Once admitted, a client stays only while its credential does ({@link SessionStandings}).
 * <p>
 * The handshake itself is anonymous for Micronaut Security: authentication happens in-protocol.
 */
@ServerWebSocket("/ws")
@Secured(SecurityRule.IS_ANONYMOUS)
public class EventsWebSocket {

    static final Duration AUTH_DEADLINE = Duration.ofSeconds(10);
    // About a minute of a busy tenant's events; beyond that the client is not keeping up.
    static final int OUTBOX_CAPACITY = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventsWebSocket.class);

    private final SocketAuthenticator authenticator;
    private final SessionStandings standings;
    private final WebSocketEventPublisher publisher;
    private final JsonMapper json;
    private final ClientAddresses addresses;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final PresenceWatch presence;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public EventsWebSocket(SocketAuthenticator authenticator, SessionStandings standings,
                           WebSocketEventPublisher publisher, JsonMapper json,
                           ClientAddresses addresses,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                           @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock,
                           PresenceWatch presence) {
        this.authenticator = authenticator;
        this.standings = standings;
        this.publisher = publisher;
        this.json = json;
        this.addresses = addresses;
        this.blocking = blocking;
        this.scheduler = scheduler;
        this.clock = clock;
        this.presence = presence;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        Pending waiting = new Pending(request, addresses.text(request));
        pending.put(session.getId(), waiting);
        waiting.deadline = scheduler.schedule(AUTH_DEADLINE, () -> expire(session));
        String query = request.getParameters().get("token");
        if (query == null || query.isBlank()) {
            query = request.getParameters().get("apiKey");
        }
        if (query != null && !query.isBlank()) {
            authenticate(session, waiting, query);
        }
    }

    @OnMessage
    public void onMessage(String message, WebSocketSession session) {
        Pending waiting = pending.get(session.getId());
        if (waiting == null) {
            answer(session, message);
            return;
        }
        ClientMessage parsed = parse(message);
        if (parsed == null || !"auth".equals(parsed.type())) {
            refuse(session, CloseCodes.UNAUTHORIZED, "Authenticate first: {\"type\":\"auth\",\"token\":\"...\"}");
            return;
        }
        authenticate(session, waiting, parsed.token() != null ? parsed.token() : parsed.apiKey());
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        Pending waiting = pending.remove(session.getId());
        if (waiting != null) {
            waiting.cancelDeadline();
        }
        publisher.unsubscribe(session.getId());
        standings.forget(session.getId());
    }

    /** One attempt per connection: a client guessing credentials has to reconnect for each guess. */
    private void authenticate(WebSocketSession session, Pending waiting, String credential) {
        if (!waiting.attempted.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.supplyAsync(() -> authenticator.authenticate(credential, waiting.request,
                waiting.clientAddress), blocking).whenComplete((identity, failure) -> {
                    if (failure != null) {
                        refused(session, failure);
                    } else {
                        admit(session, identity);
                    }
                });
    }

    private void admit(WebSocketSession session, Identity identity) {
        Pending waiting = pending.remove(session.getId());
        if (waiting == null || !session.isOpen()) {
            // Timed out or disconnected while the credential was being checked.
            return;
        }
        waiting.cancelDeadline();
        String id = session.getId();
        SessionOutbox outbox = new SessionOutbox(new SessionFrames(session), OUTBOX_CAPACITY, () -> {
            publisher.unsubscribe(id);
            standings.forget(id);
        });
        var actor = identity.actor();
        String connected = write(new Connected("connected", new ConnectedData(
                actor.tenantScope().map(Object::toString).orElse(null), actor.principal().role().wireName(),
                identity.audience().ownExtension()), Times.iso(clock.instant())));
        // Its tenant's presence is followed from before the client learns it is connected, so every
        // change the client makes afterwards is judged against the presence before it.
        actor.tenantScope().ifPresent(presence::watch);
        // Queued before subscribing, so it is the first message the client reads.
        outbox.offer(connected);
        publisher.subscribe(id, identity.audience(), outbox);
        // From here on the socket lives only as long as its credential stands.
        standings.watch(id, identity, outbox);
    }

    private void refused(WebSocketSession session, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DomainException refusal) {
            refuse(session, CloseCodes.of(refusal), refusal.getMessage());
        } else if (BackendOutages.isOutage(cause)) {
            LOG.warn("Could not authenticate an events socket client, the database is unavailable: {}",
                    cause.getMessage());
            refuse(session, CloseCodes.TRY_AGAIN_LATER, "The database is unavailable; reconnect in a few seconds");
        } else {
            LOG.error("Authenticating an events socket client failed", cause);
            refuse(session, CloseCodes.SERVER_ERROR, "Authentication failed; try again");
        }
    }

    private void expire(WebSocketSession session) {
        if (pending.remove(session.getId()) != null) {
            close(session, CloseCodes.UNAUTHORIZED, "Authentication timed out");
        }
    }

    private void refuse(WebSocketSession session, int code, String reason) {
        Pending waiting = pending.remove(session.getId());
        if (waiting != null) {
            waiting.cancelDeadline();
        }
        close(session, code, reason);
    }

    /** After authentication the client may ping; anything else it sends is ignored. */
    private void answer(WebSocketSession session, String message) {
        ClientMessage parsed = parse(message);
        if (parsed != null && "ping".equals(parsed.type())) {
            publisher.send(session.getId(), write(new Pong("pong", Times.iso(clock.instant()))));
        }
    }

    private ClientMessage parse(String message) {
        try {
            return json.readValue(message, ClientMessage.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    private static void close(WebSocketSession session, int code, String reason) {
        if (session.isOpen()) {
            session.close(new CloseReason(code, fitting(reason)));
        }
    }

    /** A close frame's reason may hold at most 123 bytes of UTF-8. */
    static String fitting(String reason) {
        String shortened = reason;
        while (shortened.getBytes(StandardCharsets.UTF_8).length > 123) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened;
    }

    /** A connection that has not authenticated yet. */
    private static final class Pending {

        final HttpRequest<?> request;
        final String clientAddress;
        final AtomicBoolean attempted = new AtomicBoolean();
        volatile ScheduledFuture<?> deadline;

        Pending(HttpRequest<?> request, String clientAddress) {
            this.request = request;
            this.clientAddress = clientAddress;
        }

        void cancelDeadline() {
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** Sends to and closes the real session. */
    private record SessionFrames(WebSocketSession session) implements FrameSink {

        @Override
        public CompletionStage<?> send(String text) {
            return session.sendAsync(text);
        }

        @Override
        public void close(int code, String reason) {
            EventsWebSocket.close(session, code, reason);
        }
    }
}
