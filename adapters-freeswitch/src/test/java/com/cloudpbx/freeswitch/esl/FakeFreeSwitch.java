package com.cloudpbx.freeswitch.esl;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A TCP server that speaks mod_event_socket's inbound protocol closely enough to drive the real
 * client: auth/request on connect, the password check (command/reply +OK accepted, or -ERR invalid
 * then a disconnect notice and close), +OK for {@code event}, and for {@code bgapi} a command/reply
 * naming the Job-UUID followed, now or when the test says, by the BACKGROUND_JOB event. Tests push
 * event frames whole, split into chunks, or packed together, drop connections, and stop and start
 * the switch again on the same port.
 *
 * <p>The listening socket stays bound from the first {@link #start()} to {@link #close()}: a stopped
 * switch resets every connection at once instead of giving its port up. A freed port could be taken
 * before the restart re-binds it, by another test or by the reconnecting client itself (on 127.0.0.1
 * the kernel can hand a client the freed port as its own source port, and the client then connects to
 * itself), and the restart would fail with "Address already in use".
 */
public final class FakeFreeSwitch implements AutoCloseable {

    /** A bgapi the fake received and has not answered yet. */
    public record Job(String command, String jobUuid) {
    }

    private final String password;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Job> heldJobs = new LinkedBlockingQueue<>();
    private volatile Function<String, Optional<String>> bgapiOutput = command -> Optional.of("+OK\n");
    private volatile Channel server;
    /** Stopped: like a crashed switch, it answers nothing and resets every connection at once. */
    private volatile boolean down;
    private int port;

    public FakeFreeSwitch(String password) {
        this.password = password;
    }

    /**
     * Listens on a free port the first time; after {@link #stop()}, serves again on that port,
     * which it never gave up.
     */
    public int start() {
        if (server == null) {
            server = bind();
            port = ((InetSocketAddress) server.localAddress()).getPort();
        }
        down = false;
        return port;
    }

    private Channel bind() {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (down) {
                            reset(ch);
                            return;
                        }
                        ch.pipeline().addLast(new CommandDecoder(), new Session());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    public int port() {
        return port;
    }

    /**
     * Closes every connection without a word, like a crashed switch, and resets each new one
     * before it is greeted until {@link #start()}: to a client, a failed connection attempt, as
     * to a switch that is down. The port stays bound meanwhile.
     */
    public void stop() {
        down = true;
        dropClients();
    }

    /** Closes with a TCP reset rather than a FIN, as a port nothing serves answers a connection. */
    private static void reset(Channel channel) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
    }

    public void dropClients() {
        clients.close().syncUninterruptibly();
    }

    public int connectedClients() {
        return clients.size();
    }

    /** Everything clients sent, one entry per command (the lines before its blank line). */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** What a bgapi command answers; empty holds the job until {@link #finishJob}. */
    public void answerBgapi(Function<String, Optional<String>> output) {
        this.bgapiOutput = output;
    }

    void holdJobs() {
        answerBgapi(command -> Optional.empty());
    }

    Job nextHeldJob(Duration timeout) throws InterruptedException {
        Job job = heldJobs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (job == null) {
            throw new AssertionError("no bgapi arrived within " + timeout);
        }
        return job;
    }

    void finishJob(Job job, String output) {
        send(backgroundJob(job, output));
    }

    public void send(byte[] bytes) {
        clients.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    /** Writes the bytes in writes of {@code chunk} bytes each, flushing every one. */
    void sendInChunks(byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            int end = Math.min(bytes.length, i + chunk);
            byte[] piece = java.util.Arrays.copyOfRange(bytes, i, end);
            clients.writeAndFlush(Unpooled.wrappedBuffer(piece)).syncUninterruptibly();
        }
    }

    /** Several frames in one write, so they reach the client in as few TCP reads as possible. */
    void sendPacked(List<byte[]> frames) {
        send(EslWire.concat(frames.toArray(byte[][]::new)));
    }

    void sendDisconnectNotice(String message) {
        clients.writeAndFlush(Unpooled.wrappedBuffer(EslWire.disconnectNotice(message)))
                .syncUninterruptibly();
        dropClients();
    }

    @Override
    public void close() {
        stop();
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static byte[] backgroundJob(Job job, String output) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Job-UUID", job.jobUuid());
        String[] words = job.command().split(" ", 2);
        headers.put("Job-Command", words[0]);
        if (words.length > 1) {
            headers.put("Job-Command-Arg", words[1]);
        }
        headers.put("Event-Name", "BACKGROUND_JOB");
        headers.put("Core-UUID", "5b9e1f2c-7a3d-4e6b-8c0f-1d2e3f4a5b6c");
        headers.put("Event-Sequence", "1");
        return EslWire.plainEventFrame(headers, output);
    }

    /** Client commands end with a blank line and carry no Content-Length. */
    private static final class CommandDecoder extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            String text = in.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\n\n");
            if (end >= 0) {
                out.add(text.substring(0, end));
                in.skipBytes(text.substring(0, end + 2).getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    private final class Session extends SimpleChannelInboundHandler<String> {

        private boolean authed;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            clients.add(ctx.channel());
            if (down) {
                // Accepted just as the switch stopped, after it dropped its connections.
                reset(ctx.channel());
                return;
            }
            write(ctx, EslWire.bytes("Content-Type: auth/request\n\n"));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String command) {
            commands.add(command);
            if (command.startsWith("auth ")) {
                if (command.substring(5).equals(password)) {
                    authed = true;
                    write(ctx, EslWire.commandReply("+OK accepted"));
                } else {
                    write(ctx, EslWire.commandReply("-ERR invalid"));
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(EslWire.disconnectNotice("Disconnected, goodbye.\n")))
                            .addListener(ChannelFutureListener.CLOSE);
                }
            } else if (!authed) {
                write(ctx, EslWire.commandReply("-ERR command not found"));
            } else if (command.startsWith("event ")) {
                write(ctx, EslWire.commandReply("+OK event listener enabled plain"));
            } else if (command.startsWith("bgapi ")) {
                bgapi(ctx, command);
            } else if (command.startsWith("api ")) {
                write(ctx, EslWire.apiResponse("+OK\n"));
            } else {
                write(ctx, EslWire.commandReply("-ERR command not found"));
            }
        }

        private void bgapi(ChannelHandlerContext ctx, String command) {
            List<String> lines = new ArrayList<>(List.of(command.split("\n")));
            String api = lines.remove(0).substring("bgapi ".length());
            String jobUuid = lines.stream().filter(line -> line.startsWith("Job-UUID: "))
                    .map(line -> line.substring("Job-UUID: ".length())).findFirst()
                    .orElseGet(() -> UUID.randomUUID().toString());
            write(ctx, EslWire.bytes("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid
                    + "\nJob-UUID: " + jobUuid + "\n\n"));
            Job job = new Job(api, jobUuid);
            bgapiOutput.apply(api).ifPresentOrElse(output -> write(ctx, backgroundJob(job, output)),
                    () -> heldJobs.add(job));
        }

        private void write(ChannelHandlerContext ctx, byte[] bytes) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }
}
