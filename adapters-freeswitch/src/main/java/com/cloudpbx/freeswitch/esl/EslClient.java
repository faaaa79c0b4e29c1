package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslFrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbound Event Socket connection to one media server, kept alive for the client's lifetime: it
 * authenticates, subscribes once, sends commands as {@code bgapi} (a plain {@code api} would hold
 * back the event stream of the connection until the command finishes) and reconnects with backoff
 * whenever the connection ends, including when a silent connection misses its heartbeats.
 *
 * <p>Connection state lives on one event loop thread; the public methods are thread-safe.
 */
public final class EslClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EslClient.class);

    private final EslConnection connection;
    private final EslClientSettings settings;
    private final EventDispatcher dispatcher;
    private final Backoff backoff;
    private final InstantSource clock;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final EventLoop loop;
    private final ExecutorService replies;
    private final Bootstrap bootstrap;
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong readPauses = new AtomicLong();

    private volatile EslSessionHandler readySession;
    private volatile boolean closed;
    private volatile Channel channel;
    private int failedAttempts;

    /** A client with its own single-threaded event loop, random jitter and the system clock. */
    public EslClient(EslConnection connection, EslClientSettings settings, EslListener listener) {
        this(connection, settings, listener, new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()), true,
                new Backoff(settings.reconnectMin(), settings.reconnectMax(), RandomGenerator.getDefault()),
                InstantSource.system());
    }

    /**
     * @param group   event loops to run on; shared across clients and shut down by its owner
     * @param backoff reconnect delays
     * @param clock   measures heartbeat silence
     */
    public EslClient(EslConnection connection, EslClientSettings settings, EslListener listener, EventLoopGroup group,
                     Backoff backoff, InstantSource clock) {
        this(connection, settings, listener, group, false, backoff, clock);
    }

    private EslClient(EslConnection connection, EslClientSettings settings, EslListener listener, EventLoopGroup group,
                      boolean ownsGroup, Backoff backoff, InstantSource clock) {
        this.connection = connection;
        this.settings = settings;
        this.dispatcher = new EventDispatcher(connection, listener, settings.queueCapacity());
        this.backoff = backoff;
        this.clock = clock;
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.loop = group.next();
        this.replies = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("esl-replies-" + connection.address()).factory());
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new EslFrameDecoder(),
                                new EslSessionHandler(EslClient.this, connection, settings, dispatcher, clock, replies));
                    }
                });
    }

    /** Starts connecting; returns at once. Commands fail with {@link EslUnavailable} until connected. */
    public void start() {
        dispatcher.start();
        loop.execute(this::connect);
    }

    public EslConnection connection() {
        return connection;
    }

    /** Authenticated and subscribed right now. */
    public boolean isConnected() {
        return readySession != null;
    }

    /**
     * Runs an API command in the background and completes with its output (trailing newline
     * removed) once FreeSWITCH reports the job done. Fails with {@link EslCommandRefused} when the
     * output is {@code -ERR ...}, {@link EslCommandTimeout} after {@code timeout}, and
     * {@link EslUnavailable} at once when not connected or when the connection drops first.
     *
     * @param command an api command and its arguments on one line, e.g. {@code uuid_kill <uuid>}
     */
    public CompletableFuture<String> bgapi(String command, Duration timeout) {
        if (command.isBlank() || command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            // A line break would let the rest of the string run as further commands.
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("An ESL command is one non-empty line: '" + command + "'"));
        }
        EslSessionHandler session = readySession;
        if (closed || session == null) {
            return CompletableFuture.failedFuture(new EslUnavailable(connection.address(), "not connected"));
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        String jobUuid = UUID.randomUUID().toString();
        try {
            loop.execute(() -> session.submit(jobUuid, command, timeout, result));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new EslUnavailable(connection.address(), "client closed"));
        }
        return result;
    }

    /** How many times the client has authenticated and subscribed (reconnects included). */
    public long sessions() {
        return sessions.get();
    }

    /** How many times a full event queue made the client stop reading the socket. */
    public long readPauses() {
        return readPauses.get();
    }

    /** Events decoded and waiting for the listener. */
    public int queuedEvents() {
        return dispatcher.queuedEvents();
    }

    /** The most events that ever waited for the listener at once. */
    public int mostQueuedEvents() {
        return dispatcher.mostQueuedEvents();
    }

    @Override
    public void close() {
        closed = true;
        readySession = null;
        Channel current = channel;
        if (current != null) {
            // A connect still in flight sees `closed` and closes its channel itself.
            ChannelFuture closing = current.close();
            if (!loop.inEventLoop()) {
                closing.awaitUninterruptibly(settings.connectTimeout().toMillis());
            }
        }
        dispatcher.stop();
        replies.shutdown();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    void sessionReady(EslSessionHandler session) {
        failedAttempts = 0;
        readySession = session;
        sessions.incrementAndGet();
        LOG.info("Event Socket to {} authenticated and subscribed", connection.address());
        dispatcher.connected();
    }

    void readPaused() {
        readPauses.incrementAndGet();
        LOG.warn("Event listener for {} is behind by {} events; pausing the socket until it catches up",
                connection.address(), settings.queueCapacity());
    }

    private void connect() {
        if (closed) {
            return;
        }
        bootstrap.connect(connection.host(), connection.port()).addListener((ChannelFuture connecting) -> {
            if (!connecting.isSuccess()) {
                retry("cannot connect: " + connecting.cause().getMessage());
                return;
            }
            channel = connecting.channel();
            if (closed) {
                channel.close();
                return;
            }
            EslSessionHandler session = channel.pipeline().get(EslSessionHandler.class);
            channel.closeFuture().addListener(done -> sessionClosed(session));
        });
    }

    private void sessionClosed(EslSessionHandler session) {
        channel = null;
        if (session.ready()) {
            readySession = null;
            dispatcher.disconnected(new EslUnavailable(connection.address(), session.closeReason()));
        }
        if (session.authRefused()) {
            LOG.error("FreeSWITCH at {} refused the Event Socket password; check {}",
                    connection.address(), EslConnection.VARIABLE);
        }
        retry(session.closeReason());
    }

    private void retry(String reason) {
        if (closed) {
            return;
        }
        Duration delay = backoff.delay(failedAttempts++);
        LOG.warn("Event Socket to {} down ({}); reconnecting in {} ms", connection.address(), reason, delay.toMillis());
        loop.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
