package com.cloudpbx.core.threeway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.threeway.ThreeWayState.Merged;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThreeWayStateTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void aMergedCallsGuestIsNotAlsoOneOfItsParties() {
        assertThatThrownBy(() -> new Merged(a, b, "room", List.of(b))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergedCallNamesEachGuestOnce() {
        UUID guest = UUID.randomUUID();

        assertThatThrownBy(() -> new Merged(a, b, "room", List.of(guest, guest)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
