package com.cloudpbx.freeswitch.esl.codec;

import com.cloudpbx.freeswitch.esl.EslWire;
import com.fasterxml.jackson.core.JsonFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread decode throughput of a realistic CHANNEL_HANGUP_COMPLETE (232 headers, ~10 KB):
 * wire bytes through {@link EslFrameDecoder} into frames, then {@link EslEvent} parsing, in plain
 * and in JSON form, reading the five headers a hangup handler needs. Each invocation feeds {@value #BATCH} frames packed together, the way a busy
 * socket delivers them, so the score is events per second. Run with {@code bench/esl-decode.sh}.
 *
 * <p>{@code jsonJackson} reads the same JSON frames with Jackson's streaming parser instead of the
 * client's own event reader: the client keeps its reader only while this shows it faster.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EslDecodeBenchmark {

    static final int BATCH = 64;

    private EmbeddedChannel channel;
    private ByteBuf plainBatch;
    private ByteBuf jsonBatch;
    private final JacksonEventReader jackson = new JacksonEventReader(new JsonFactory());

    @Setup
    public void setUp() {
        byte[] plain = EslWire.hangupComplete();
        EslEvent event = EslEvent.parsePlain(plain);
        byte[] json = EslWire.jsonEvent(event.headers(), event.body());
        plainBatch = batch(EslWire.eventFrame(EslFrame.EVENT_PLAIN, plain));
        jsonBatch = batch(EslWire.eventFrame(EslFrame.EVENT_JSON, json));
        channel = new EmbeddedChannel(new EslFrameDecoder());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plain(Blackhole blackhole) {
        decode(plainBatch, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void json(Blackhole blackhole) {
        decode(jsonBatch, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jsonJackson(Blackhole blackhole) {
        channel.writeInbound(jsonBatch.retainedDuplicate());
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            consume(jackson.read(((EslFrame) frame).body()), blackhole);
        }
    }

    private void decode(ByteBuf batch, Blackhole blackhole) {
        channel.writeInbound(batch.retainedDuplicate());
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            consume(EslEvent.parse((EslFrame) frame), blackhole);
        }
    }

    private static void consume(EslEvent event, Blackhole blackhole) {
        // What a consumer of a hangup reads; values are decoded only when read.
        blackhole.consume(event.name());
        blackhole.consume(event.headers().get("Unique-ID"));
        blackhole.consume(event.headers().get("Hangup-Cause"));
        blackhole.consume(event.headers().get("variable_billsec"));
        blackhole.consume(event.headers().get("Caller-Caller-ID-Name"));
    }

    private static ByteBuf batch(byte[] frame) {
        ByteBuf batch = Unpooled.buffer(frame.length * BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.writeBytes(frame);
        }
        return Unpooled.unreleasableBuffer(batch);
    }
}
