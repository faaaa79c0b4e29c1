package com.cloudpbx.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoBlockedNumbersTest {

    @Test
    void noNumberIsBlockedForAnyTenant() {
        var blocklist = new NoBlockedNumbers();

        assertThat(blocklist.blocks(TenantId.of(UUID.randomUUID()), PhoneNumber.parse("+14155550123", "to")))
                .isFalse();
    }
}
