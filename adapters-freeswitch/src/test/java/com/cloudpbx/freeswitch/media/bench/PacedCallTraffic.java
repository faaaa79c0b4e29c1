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
    /** About as much as one socket write of a busy switch carries. */
    private static final int MAX_WRITE_BYTES = 256 * 1024;
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

    /** Waits until every call was sent, or until {@code millis} (at least 1) passed; true when all were sent. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return finished();
    }

    /** Every call was sent (or the traffic was stopped); what it recorded is then safe to read. */
    public boolean finished() {
        return finishedNanos != 0;
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
        // Events are stamped with when they were due, as a switch stamps them with when they
        // happened: a write that is late (the client pushing back) delays them, not their times.
        long startMicros = micros(Instant.now());
        startedNanos = start;
        long sequence = CallFrames.FIRST_SEQUENCE;
        while (!stopped && next[LAST_STAGE] < calls) {
            long now = System.nanoTime();
            // What is due, oldest first across the stages, up to one write's worth: a late switch
            // catches up in the order things happened, with bounded memory.
            int[] due = next.clone();
            int bytes = 0;
            long late = 0;
            for (int stage = earliestDue(start, due, now); stage >= 0 && bytes < MAX_WRITE_BYTES;
                 stage = earliestDue(start, due, now)) {
                late = Math.max(late, now - dueAt(start, stage, due[stage]));
                due[stage]++;
                bytes += stageSizes[stage];
            }
            if (bytes == 0) {
                sleepUntilNext(start, next, now);
                continue;
            }
            byte[] batch = new byte[bytes];
            int offset = 0;
            int firstHangup = next[LAST_STAGE];
            for (int stage = earliestPending(start, next, due); stage >= 0; stage = earliestPending(start, next, due)) {
                int index = next[stage]++;
                byte[] a = ascii(callUuid(index));
                byte[] b = ascii(legB(index));
                int extension = 1000 + index % 9000;
                long micros = startMicros + (dueAt(start, stage, index) - start) / 1_000;
                for (Event event : STAGES.get(stage)) {
                    offset = frames.render(event, a, b, extension, micros, sequence++, batch, offset);
                }
                sentEvents.addAndGet(STAGES.get(stage).size());
            }
            long sentAt = System.nanoTime();
            for (int call = firstHangup; call < next[LAST_STAGE]; call++) {
                hangupSent[call] = sentAt;
            }
            fake.send(batch);
            sentBytes.addAndGet(bytes);
            sentCalls.set(next[LAST_STAGE]);
            mostLateNanos = Math.max(mostLateNanos, late);
        }
        finishedNanos = System.nanoTime();
    }

    /** The stage whose next call is due soonest, if that is no later than {@code now}; else -1. */
    private int earliestDue(long start, int[] cursor, long now) {
        int earliest = -1;
        long earliestAt = Long.MAX_VALUE;
        for (int stage = 0; stage < STAGES.size(); stage++) {
            if (cursor[stage] < plan.calls()) {
                long at = dueAt(start, stage, cursor[stage]);
                if (at <= now && at < earliestAt) {
                    earliest = stage;
                    earliestAt = at;
                }
            }
        }
        return earliest;
    }

    /** Of the calls chosen for this write ({@code next} up to {@code due}), the stage due soonest; -1 when done. */
    private int earliestPending(long start, int[] next, int[] due) {
        int earliest = -1;
        long earliestAt = Long.MAX_VALUE;
        for (int stage = 0; stage < STAGES.size(); stage++) {
            if (next[stage] < due[stage]) {
                long at = dueAt(start, stage, next[stage]);
                if (at < earliestAt) {
                    earliest = stage;
                    earliestAt = at;
                }
            }
        }
        return earliest;
    }

    private long dueAt(long start, int stage, int call) {
        return start + plan.startNanos(call) + stageOffsets[stage];
    }

    private void sleepUntilNext(long start, int[] next, long now) {
        long soonest = Long.MAX_VALUE;
        for (int stage = 0; stage < STAGES.size(); stage++) {
            if (next[stage] < plan.calls()) {
                soonest = Math.min(soonest, dueAt(start, stage, next[stage]));
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
