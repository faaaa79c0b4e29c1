package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import com.cloudpbx.freeswitch.esl.codec.EslFrame;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection's conversation: answer auth/request, subscribe, then match command replies
 * (FIFO, as mod_event_socket answers commands in order) and BACKGROUND_JOB events (by Job-UUID) to
 * the commands that wait for them, and pass every other event on.
 *
 * <p>Everything here runs on the channel's event loop, so none of its state needs locking. Futures
 * are completed on the client's reply executor: a caller chaining work onto a reply must never run
 * on, let alone block, the thread that reads the socket.
 */
final class EslSessionHandler extends SimpleChannelInboundHandler<EslFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(EslSessionHandler.class);
    private static final Duration LONGEST_WATCHDOG_PERIOD = Duration.ofSeconds(1);

    private enum State { AWAIT_AUTH_REQUEST, AWAIT_AUTH_REPLY, AWAIT_SUBSCRIBE_REPLY, READY }

    private record Job(String command, CompletableFuture<String> result, ScheduledFuture<?> timeout) {
    }

    private final EslClient client;
    private final EslConnection connection;
    private final EslClientSettings settings;
    private final EventDispatcher dispatcher;
    private final InstantSource clock;
    private final Executor replies;

    private final Queue<Consumer<EslFrame>> replyWaiters = new ArrayDeque<>();
    private final Map<String, Job> jobs = new HashMap<>();
    /**
     * Events decoded while the listener's queue was full, oldest first: at most the queue's
     * capacity, plus the rest of the socket read that reached it.
     */
    private final Queue<EslEvent> overflow = new ArrayDeque<>();

    private ChannelHandlerContext ctx;
    private State state = State.AWAIT_AUTH_REQUEST;
    private boolean paused;
    private boolean drainAwaited;
    private long lastInboundMillis;
    private String closeReason;
    private boolean authRefused;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> handshakeTimeout;

    EslSessionHandler(EslClient client, EslConnection connection, EslClientSettings settings, EventDispatcher dispatcher,
                      InstantSource clock, Executor replies) {
        this.client = client;
        this.connection = connection;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.replies = replies;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        lastInboundMillis = clock.millis();
        handshakeTimeout = ctx.executor().schedule(() -> {
            if (state != State.READY) {
                close("no auth and subscription within " + settings.connectTimeout());
            }
        }, settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        Duration period = settings.heartbeatTimeout().dividedBy(4);
        long periodNanos = Math.max(1_000_000, Math.min(period.toNanos(), LONGEST_WATCHDOG_PERIOD.toNanos()));
        watchdog = ctx.executor().scheduleAtFixedRate(this::checkHeartbeat, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, EslFrame frame) {
        lastInboundMillis = clock.millis();
        switch (frame.contentType()) {
            case EslFrame.AUTH_REQUEST -> onAuthRequest();
            case EslFrame.COMMAND_REPLY -> onCommandReply(frame);
            case EslFrame.EVENT_PLAIN, EslFrame.EVENT_JSON -> onEvent(frame);
            case EslFrame.DISCONNECT_NOTICE, EslFrame.RUDE_REJECTION ->
                    close("FreeSWITCH disconnected us: " + frame.bodyText().strip());
            default -> LOG.debug("Ignoring unexpected {} from {}", frame, connection.address());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Event Socket to {} failed, reconnecting", connection.address(), cause);
        close("connection error: " + cause.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (closeReason == null) {
            closeReason = "connection closed by FreeSWITCH";
        }
        cancel(watchdog);
        cancel(handshakeTimeout);
        EslUnavailable lost = new EslUnavailable(connection.address(), closeReason);
        replyWaiters.clear();
        jobs.values().forEach(job -> {
            cancel(job.timeout());
            reply(() -> job.result().completeExceptionally(lost));
        });
        jobs.clear();
        // Whatever was decoded still reaches the listener, in order, before the disconnect signal.
        overflow.forEach(dispatcher::offerDespiteCapacity);
        overflow.clear();
        super.channelInactive(ctx);
    }

    boolean ready() {
        return state == State.READY;
    }

    boolean authRefused() {
        return authRefused;
    }

    String closeReason() {
        return closeReason == null ? "connection closed" : closeReason;
    }

    /** Sends {@code bgapi} with a Job-UUID chosen here, so the reply can be matched before it exists. */
    void submit(String jobUuid, String command, Duration timeout, CompletableFuture<String> result) {
        if (state != State.READY || !ctx.channel().isActive()) {
            reply(() -> result.completeExceptionally(new EslUnavailable(connection.address(), closeReason())));
            return;
        }
        ScheduledFuture<?> timer = ctx.executor().schedule(() -> {
            Job job = jobs.remove(jobUuid);
            if (job != null) {
                fail(job, new EslCommandTimeout(connection.address(), command, timeout));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        jobs.put(jobUuid, new Job(command, result, timer));
        replyWaiters.add(reply -> {
            // The reply only acknowledges the job; its outcome comes with BACKGROUND_JOB.
            if (!reply.replyText().startsWith("+OK")) {
                Job job = jobs.remove(jobUuid);
                if (job != null) {
                    fail(job, new EslCommandRefused(connection.address(), command, reply.replyText()));
                }
            }
        });
        write("bgapi " + command + "\nJob-UUID: " + jobUuid + "\n\n");
    }

    private void onAuthRequest() {
        if (state != State.AWAIT_AUTH_REQUEST) {
            LOG.debug("Ignoring a repeated auth/request from {}", connection.address());
            return;
        }
        state = State.AWAIT_AUTH_REPLY;
        write("auth " + connection.password() + "\n\n");
    }

    private void onCommandReply(EslFrame frame) {
        String reply = frame.replyText();
        switch (state) {
            case AWAIT_AUTH_REPLY -> {
                if (reply.startsWith("+OK")) {
                    state = State.AWAIT_SUBSCRIBE_REPLY;
                    write(settings.subscription().command());
                } else {
                    authRefused = true;
                    close("FreeSWITCH refused the Event Socket password (" + reply + ")");
                }
            }
            case AWAIT_SUBSCRIBE_REPLY -> {
                if (reply.startsWith("+OK")) {
                    state = State.READY;
                    cancel(handshakeTimeout);
                    client.sessionReady(this);
                } else {
                    close("FreeSWITCH refused the event subscription (" + reply + ")");
                }
            }
            case READY -> {
                Consumer<EslFrame> waiter = replyWaiters.poll();
                if (waiter != null) {
                    waiter.accept(frame);
                }
            }
            case AWAIT_AUTH_REQUEST -> LOG.debug("Ignoring a reply before auth/request from {}", connection.address());
        }
    }

    private void onEvent(EslFrame frame) {
        EslEvent event;
        try {
            event = EslEvent.parse(frame);
        } catch (RuntimeException e) {
            // A malformed event is FreeSWITCH's bug; dropping it beats dropping the connection.
            LOG.warn("Skipping an event from {} that does not parse: {}", connection.address(), e.getMessage());
            return;
        }
        if ("BACKGROUND_JOB".equals(event.name()) && completeJob(event)) {
            return;
        }
        deliver(event);
    }

    private boolean completeJob(EslEvent event) {
        Job job = event.jobUuid().map(jobs::remove).orElse(null);
        if (job == null) {
            return false;
        }
        cancel(job.timeout());
        String output = event.body().stripTrailing();
        if (output.startsWith("-ERR") || output.startsWith("-USAGE")) {
            fail(job, new EslCommandRefused(connection.address(), job.command(), output));
        } else {
            reply(() -> job.result().complete(output));
        }
        return true;
    }

    /**
     * Hands the event to the listener's queue. When that queue is full (the listener is slow or
     * stuck) the socket is still read, so that command replies and job results behind the events
     * keep arriving: call control must answer while, say, the database holds up the listener. The
     * events meanwhile wait here, in order, up to as many again as the queue holds; only past that
     * is reading paused, so memory stays bounded and no event is dropped.
     */
    private void deliver(EslEvent event) {
        if (overflow.isEmpty() && dispatcher.offer(event)) {
            return;
        }
        overflow.add(event);
        awaitDrain();
        if (overflow.size() >= settings.queueCapacity()) {
            pauseReading();
        }
    }

    private void awaitDrain() {
        if (!drainAwaited) {
            drainAwaited = true;
            dispatcher.whenDrained(() -> ctx.executor().execute(this::drainOverflow));
        }
    }

    /**
     * Stops reading the socket until the listener catches up: the kernel buffer fills, TCP flow
     * control pushes back on FreeSWITCH, and this process holds at most twice the queue plus one read.
     */
    private void pauseReading() {
        if (paused) {
            return;
        }
        paused = true;
        ctx.channel().config().setAutoRead(false);
        client.readPaused();
    }

    private void drainOverflow() {
        drainAwaited = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        while (!overflow.isEmpty() && dispatcher.offer(overflow.peek())) {
            overflow.poll();
        }
        if (!overflow.isEmpty()) {
            awaitDrain();
        }
        if (paused && overflow.size() < settings.queueCapacity()) {
            paused = false;
            // Silence while we were not reading says nothing about the switch; restart the clock.
            lastInboundMillis = clock.millis();
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void checkHeartbeat() {
        long silence = clock.millis() - lastInboundMillis;
        if (!paused && silence > settings.heartbeatTimeout().toMillis()) {
            close("nothing received for " + silence + " ms (heartbeat timeout " + settings.heartbeatTimeout() + ")");
        }
    }

    private void fail(Job job, EslException cause) {
        cancel(job.timeout());
        reply(() -> job.result().completeExceptionally(cause));
    }

    private void reply(Runnable completion) {
        try {
            replies.execute(completion);
        } catch (RejectedExecutionException e) {
            // The client is closing: nothing can block on its reply thread any more.
            completion.run();
        }
    }

    private void write(String command) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(command.getBytes(StandardCharsets.UTF_8)));
    }

    private void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        ctx.close();
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
