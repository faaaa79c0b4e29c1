package com.cloudpbx.app.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link EslCallsRun} measured.
 *
 * @param sendingNanos     from the first call's start to the write of the last call's last event
 * @param mostLateNanos    the longest an event waited past its schedule before the fake wrote it
 * @param stored           records the batch writes stored, as their statements reported
 * @param refused          records it declined as repeats of a call it had
 * @param foreign          records of calls the script did not make
 * @param writes           statements (each its own commit) that stored them
 * @param largestWrite     the most records one statement stored
 * @param rows             rows of the tenant in {@code call_records}, counted afterwards
 * @param distinctCalls    distinct {@code call_uuid}s among them
 * @param liveChannels     channels still in live state at the end
 * @param liveTrails       scripted calls whose unfinished-call trail is still kept
 * @param adapterChannels  channels the media server adapter still counts as live
 * @param commitSpanNanos  from the first record's commit to the last one's
 * @param sortedLagNanos   per recorded call, from the write of its last hangup to its record's commit
 * @param sortedSteadyLagNanos the same for the calls started after the warm-up
 * @param sortedToTrackingNanos per recorded call, from that write to the hangup reaching call tracking
 * @param sortedWriteNanos per batch write, how long its statement and commit took
 * @param lagWindows       the lag of the calls started in each two seconds, one line each
 */
record EslCallsResult(EslCallsSettings settings, int planned, double headersPerEvent,
                      long sentCalls, long sentEvents, long sentBytes, long sendingNanos, long mostLateNanos,
                      long stored, long refused, long foreign, long writes, long largestWrite,
                      long rows, long distinctCalls, int liveChannels, int liveTrails, int adapterChannels,
                      long commitSpanNanos, long[] sortedLagNanos, long[] sortedSteadyLagNanos,
                      long[] sortedToTrackingNanos, long[] sortedWriteNanos, List<String> lagWindows,
                      List<String> timeline) {

    /** Every call sent has exactly one record, and nothing of any call is left in live state. */
    boolean complete() {
        return sentCalls == planned && rows == sentCalls && distinctCalls == rows && refused == 0 && foreign == 0
                && liveChannels == 0 && liveTrails == 0 && adapterChannels == 0;
    }

    /** Records committed per second, from the first commit to the last. */
    double recordedRate() {
        return commitSpanNanos == 0 ? 0 : (stored - 1) / (commitSpanNanos / 1e9);
    }

    /** Calls per second the fake actually started: its sending time less one call's own length. */
    double sentRate() {
        double startSpan = sendingNanos / 1e9 - (settings.answerMs() + settings.holdMs()) / 1e3;
        return startSpan <= 0 ? 0 : sentCalls / startSpan;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static String summary(long[] sortedNanos) {
        return String.format("p50=%.1f p99=%.1f max=%.1f", percentile(sortedNanos, 50) / 1e6,
                percentile(sortedNanos, 99) / 1e6, percentile(sortedNanos, 100) / 1e6);
    }

    List<String> report() {
        List<String> lines = new ArrayList<>(List.of(
                String.format("offered: %d calls/s for %d s = %d calls (%d events, %.1f MB, %.0f headers per event)",
                        settings.rate(), settings.seconds(), planned, sentEvents, sentBytes / 1e6, headersPerEvent),
                String.format("sent: %d calls, %.1f calls/s; events written up to %.1f ms late", sentCalls,
                        sentRate(), mostLateNanos / 1e6),
                String.format("recorded: %d CDRs committed at %.1f calls/s (first to last commit), in %d writes of "
                        + "up to %d", stored, recordedRate(), writes, largestWrite),
                "lag, last HANGUP_COMPLETE written -> CDR committed, ms: " + summary(sortedLagNanos),
                String.format("  calls started after the first %d s (warm): %s", settings.warmupSeconds(),
                        summary(sortedSteadyLagNanos)),
                "  of which written -> hangup at call tracking, ms: " + summary(sortedToTrackingNanos),
                "batch write (statement and commit), ms: " + summary(sortedWriteNanos),
                String.format("CDR rows %d for %d calls sent (distinct call_uuid %d, repeats declined %d, foreign %d)",
                        rows, sentCalls, distinctCalls, refused, foreign),
                String.format("live state at the end: %d channels, %d unfinished calls, %d adapter channels -> %s",
                        liveChannels, liveTrails, adapterChannels,
                        liveChannels + liveTrails + adapterChannels == 0 ? "drained" : "NOT drained"),
                complete() ? "result: complete (one CDR per call, nothing left live)" : "result: INCOMPLETE"));
        lines.addAll(6, lagWindows);
        return List.copyOf(lines);
    }
}
