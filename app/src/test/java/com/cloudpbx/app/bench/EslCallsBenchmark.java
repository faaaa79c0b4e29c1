package com.cloudpbx.app.bench;

/**
 * End-to-end call throughput from the Event Socket to the call history. Not a test: run it with
 * {@code bench/esl-calls.sh}. A fake FreeSWITCH on 127.0.0.1 plays {@code rate} complete calls per
 * second for {@code seconds} seconds (two legs, eleven events of about 200 headers each, as a
 * 1.10 switch sends them) to the real Event Socket client and media server adapter; call tracking
 * keeps live state in memory and commits one record per call to PostgreSQL (a fresh database on
 * the embedded test server, through the storage adapter as the application runs it).
 *
 * <p>Measured: the rate at which records are committed, the lag from the fake writing a call's
 * last CHANNEL_HANGUP_COMPLETE to its record's commit, whether every call has exactly one record
 * and whether live state is empty at the end.
 */
public final class EslCallsBenchmark {

    private EslCallsBenchmark() {
    }

    /** Arguments as {@code name=value}; see {@link EslCallsSettings}. */
    public static void main(String[] args) throws Exception {
        EslCallsSettings settings = EslCallsSettings.parse(args);
        System.out.println("settings: " + settings);
        EslCallsResult result = new EslCallsRun(settings, System.out::println).run();
        result.report().forEach(System.out::println);
        System.exit(result.complete() ? 0 : 1);
    }
}
