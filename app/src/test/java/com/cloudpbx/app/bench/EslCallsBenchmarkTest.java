package com.cloudpbx.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A second of the end-to-end bench at a low rate, so that bench/esl-calls.sh keeps working. */
class EslCallsBenchmarkTest {

    @Test
    void everyScriptedCallEndsAsExactlyOneRecordAndLeavesNothingLive() throws Exception {
        var settings = EslCallsSettings.parse(new String[] {"rate=50", "seconds=1", "dial-ms=5", "answer-ms=20",
                "hold-ms=100", "drain-seconds=10"});

        EslCallsResult result = new EslCallsRun(settings, line -> { }).run();

        assertThat(result.report()).last().isEqualTo("result: complete (one CDR per call, nothing left live)");
        assertThat(result.rows()).isEqualTo(50);
        assertThat(result.sortedLagNanos()).hasSize(50);
        assertThat(result.headersPerEvent()).isGreaterThan(190);
    }
}
