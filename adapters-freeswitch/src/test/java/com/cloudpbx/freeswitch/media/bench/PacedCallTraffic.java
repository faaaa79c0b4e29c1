package com.cloudpbx.freeswitch.media.bench;

import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import com.cloudpbx.freeswitch.media.bench.CallFrames.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a {@link CallPlan} through a fake switch on a thread of its own: every call's events at
 * their scheduled times, the events that are due together in one write, as a busy switch's socket
 * delivers them. A write blocks while the client is not reading (TCP flow control), so a client
 * that falls behind makes the traffic late rather than lost; how late is reported.
 *
 * <p>Leg uuids are derived from the call's index, so whoever sees a call's uuid can tell which call
 * it is ({@link #callIndex}).
 */
public final class PacedCallTraffic implements AutoCloseable {

    /** The events of a call that the switch sends at the same moment. */
    private static final List<List<Event>> STAGES = List.of(
            List.of(Event.CREATE_A),
            List.of(Event.CREATE_B, Event.PROGRESS_B),
            List.of(Event.ANSWER_B, Event.ANSWER_A, Event.BRIDGE),
            List.of(Event.HANGUP_B, Event.UNBRIDGE, Event.HANGUP_A, Event.HANGUP_COMPLETE_B, Event.HANGUP_COMPLETE_A));
    private static final int LAST_STAGE = STAGES.size() - 1;
    // The low half of a leg uuid: the IETF variant bits, which leg, and the call's index.
    private static final long A_LEG = 0x8000_0000_0000_0000L;
    private static final long B_LEG = 0x8000_0001_0000_0000L;

    private final FakeFreeSwitch fake;
    private final CallPlan plan;
    private final CallFrames frames;
    private final long callsMsb;
    private final long[] stageOffsets;
    private final int[] stageSizes;
    private final long[] hangupSent;
    private final Thread thread;
    private final AtomicLong sentCalls = new AtomicLong();
    private final AtomicLong sentEvents = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private volatile long mostLateNanos;
    private volatile long startedNanos;
    private volatile long finishedNanos;
    private volatile boolean stopped;

    /**
     * @param tenant  the tenant every call belongs to
     * @param runSalt distinguishes this run's call uuids from any other run's
     */
    public PacedCallTraffic(FakeFreeSwitch fake, CallPlan plan, UUID tenant, long runSalt) {
        this.fake = fake;
        this.plan = plan;
        this.frames = new CallFrames(tenant, plan.durationSeconds(), plan.billsec());
        // A version-4 layout; the low half says which leg of which call (see A_LEG).
        this.callsMsb = (runSalt & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
        this.stageOffsets = new long[] {0, plan.dialAfter().toNanos(), plan.answerAfter().toNanos(),
                plan.answerAfter().plus(plan.holdFor()).toNanos()};
        this.stageSizes = STAGES.stream().mapToInt(events -> events.stream().mapToInt(frames::size).sum()).toArray();
        this.hangupSent = new long[plan.calls()];
        this.thread = Thread.ofPlatform().daemon().name("paced-call-traffic").unstarted(this::run);
    }

    /** The call's uuid (its A leg's). */
    public UUID callUuid(int index) {
        return new UUID(callsMsb, A_LEG | index);
    }

    /** The index of a call this traffic started, or -1 for any other uuid. */
    public int callIndex(UUID callUuid) {
        long low = callUuid.getLeastSignificantBits();
        if (callUuid.getMostSignificantBits() != callsMsb || (low & 0xFFFF_FFFF_0000_0000L) != A_LEG) {
            return -1;
        }
        long index = low & 0xFFFF_FFFFL;
        return index < hangupSent.length ? (int) index : -1;
    }

    private UUID legB(int index) {
        return new UUID(callsMsb, B_LEG | index);
    }

    public CallFrames frames() {
        return frames;
    }

    public void start() {
        thread.start();
    }

    /** Waits until every call was sent, or until {@code millis} passed; true when all were sent. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** {@link System#nanoTime()} just before the write holding the call's last event (its A leg's hangup complete). */
    public long hangupSentNanos(int index) {
        return hangupSent[index];
    }

    /** Calls whose last event was written. */
    public long sentCalls() {
        return sentCalls.get();
    }

    public long sentEvents() {
        return sentEvents.get();
    }

    public long sentBytes() {
        return sentBytes.get();
    }

    /** The longest any event waited past its scheduled time before it was written. */
    public long mostLateNanos() {
        return mostLateNanos;
    }

    /** From the first call's start to the write of the last call's last event (so far). */
    public long sendingNanos() {
        long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
        return startedNanos == 0 ? 0 : end - startedNanos;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    private void run() {
        int calls = plan.calls();
        int[] next = new int[STAGES.size()];
        long start = System.nanoTime();
        startedNanos = start;
        long sequence = CallFrames.FIRST_SEQUENCE;
        while (!stopped && next[LAST_STAGE] < calls) {
            long now = System.nanoTime();
            int[] due = new int[STAGES.size()];
            int bytes = 0;
            for (int stage = 0; stage < STAGES.size(); stage++) {
                due[stage] = next[stage];
                while (due[stage] < calls && start + plan.startNanos(due[stage]) + stageOffsets[stage] <= now) {
                    due[stage]++;
                }
                bytes = Math.addExact(bytes, (due[stage] - next[stage]) * stageSizes[stage]);
            }
            if (bytes == 0) {
                sleepUntilNext(start, next, now);
                continue;
            }
            byte[] batch = new byte[bytes];
            int offset = 0;
            long micros = micros(Instant.now());
            long late = 0;
            for (int stage = 0; stage < STAGES.size(); stage++) {
                for (int call = next[stage]; call < due[stage]; call++) {
                    late = Math.max(late, now - (start + plan.startNanos(call) + stageOffsets[stage]));
                    byte[] a = ascii(callUuid(call));
                    byte[] b = ascii(legB(call));
                    int extension = 1000 + call % 9000;
                    for (Event event : STAGES.get(stage)) {
                        offset = frames.render(event, a, b, extension, micros, sequence++, batch, offset);
                    }
                }
            }
            long sentAt = System.nanoTime();
            for (int call = next[LAST_STAGE]; call < due[LAST_STAGE]; call++) {
                hangupSent[call] = sentAt;
            }
            fake.send(batch);
            long events = 0;
            for (int stage = 0; stage < STAGES.size(); stage++) {
                events += (long) (due[stage] - next[stage]) * STAGES.get(stage).size();
            }
            sentEvents.addAndGet(events);
            sentBytes.addAndGet(bytes);
            sentCalls.addAndGet(due[LAST_STAGE] - next[LAST_STAGE]);
            mostLateNanos = Math.max(mostLateNanos, late);
            System.arraycopy(due, 0, next, 0, due.length);
        }
        finishedNanos = System.nanoTime();
    }

    private void sleepUntilNext(long start, int[] next, long now) {
        long soonest = Long.MAX_VALUE;
        for (int stage = 0; stage < STAGES.size(); stage++) {
            if (next[stage] < plan.calls()) {
                soonest = Math.min(soonest, start + plan.startNanos(next[stage]) + stageOffsets[stage]);
            }
        }
        if (soonest > now) {
            LockSupport.parkNanos(soonest - now);
        }
    }

    private static byte[] ascii(UUID uuid) {
        return uuid.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
