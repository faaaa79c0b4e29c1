package com.cloudpbx.app.bench;

import com.cloudpbx.freeswitch.media.bench.PacedCallTraffic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per scripted call, the times its last hangup was written, reached call tracking and had its
 * record committed ({@link System#nanoTime()}, 0 for never), and the lags between them.
 */
final class CallLags {

    private final PacedCallTraffic traffic;
    private final CommitTimes commits;
    private final AtomicLongArray deliveredAt;
    private final int calls;

    CallLags(PacedCallTraffic traffic, CommitTimes commits, AtomicLongArray deliveredAt, int calls) {
        this.traffic = traffic;
        this.commits = commits;
        this.deliveredAt = deliveredAt;
        this.calls = calls;
    }

    /** Written to committed, sorted, for the recorded calls from {@code first} (inclusive) to {@code end}. */
    long[] toCommit(int first, int end) {
        long[] lags = new long[Math.max(0, end - first)];
        int count = 0;
        for (int call = first; call < end; call++) {
            if (commits.committedAt(call) != 0) {
                lags[count++] = commits.committedAt(call) - traffic.hangupSentNanos(call);
            }
        }
        return sorted(lags, count);
    }

    /** Written to delivered to call tracking, sorted, for every recorded call. */
    long[] toTracking() {
        long[] lags = new long[calls];
        int count = 0;
        for (int call = 0; call < calls; call++) {
            if (commits.committedAt(call) != 0) {
                lags[count++] = deliveredAt.get(call) - traffic.hangupSentNanos(call);
            }
        }
        return sorted(lags, count);
    }

    /** From the first commit to the last. */
    long commitSpan() {
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int call = 0; call < calls; call++) {
            long committed = commits.committedAt(call);
            if (committed != 0) {
                first = Math.min(first, committed);
                last = Math.max(last, committed);
            }
        }
        return first == Long.MAX_VALUE ? 0 : last - first;
    }

    /** One line per {@code seconds} of call starts, to tell warm-up from steady state. */
    List<String> windows(int rate, int seconds) {
        List<String> lines = new ArrayList<>();
        int window = seconds * rate;
        for (int first = 0; first < calls; first += window) {
            int end = Math.min(calls, first + window);
            lines.add(String.format("  calls started %4.1f-%4.1f s: %s", (double) first / rate, (double) end / rate,
                    EslCallsResult.summary(toCommit(first, end))));
        }
        return lines;
    }

    private static long[] sorted(long[] values, int count) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
