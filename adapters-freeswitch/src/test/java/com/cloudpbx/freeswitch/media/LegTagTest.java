package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LegTagTest {

    private final LegTag tag = new LegTag(TenantId.of(UUID.randomUUID()), UUID.randomUUID(), CallDirection.OUTBOUND,
            null);

    @Test
    void aTagReadsBackAsItWasWritten() {
        assertThat(LegTag.parse(tag.encode())).contains(tag);
    }

    @Test
    void aTagIsOnlyUuidsADirectionAndDigitsSoItNeedsNoEscaping() {
        assertThat(tag.encode()).matches("^voip:[0-9a-f-]{36}:[0-9a-f-]{36}:outbound:$");
    }

    @Test
    void presenceDataThatIsNotOurTagIsNoTag() {
        assertThat(LegTag.parse("1001@acme.sip.example.com")).isEmpty();
        assertThat(LegTag.parse("voip:acme:call:internal:1001")).isEmpty();
        assertThat(LegTag.parse(null)).isEmpty();
    }
}
