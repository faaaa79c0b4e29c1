package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParkSlotRangeTest {

    private final ParkSlotRange slots = new ParkSlotRange(701, 750);

    @Test
    void theRangeContainsItsFirstAndLastSlotAndThoseBetween() {
        assertThat(Stream.of("701", "725", "750")).allMatch(slots::contains);
    }

    @Test
    void theRangeDoesNotContainTheSlotsJustOutsideIt() {
        assertThat(slots.contains("700")).isFalse();
        assertThat(slots.contains("751")).isFalse();
    }

    @Test
    void whatIsNotANumberOfUpTo8DigitsIsNoSlot() {
        assertThat(Stream.of(null, "", "abc", "70a", "-701", "+701", " 701", "7 01", "999999999", "7010000000000"))
                .noneMatch(slots::contains);
    }

    @Test
    void requireGivesBackASlotOfTheRange() {
        assertThat(slots.require("701", "slot")).isEqualTo("701");
    }

    @Test
    void requireRefusesASlotOutsideTheRangeNamingTheField() {
        assertInvalid(() -> slots.require("751", "slot"), "slot");
        assertInvalid(() -> slots.require(null, "slot"), "slot");
    }

    @Test
    void requireRefusesASlotWrittenWithALeadingZeroRatherThanNamingASecondSlot701() {
        assertInvalid(() -> slots.require("0701", "slot"), "slot");
    }

    @Test
    void aRangeOfOneSlotIsAllowed() {
        assertThat(new ParkSlotRange(5, 5).contains("5")).isTrue();
    }

    @Test
    void aRangeStartsAt1OrMoreAndDoesNotEndBeforeItStarts() {
        assertThatThrownBy(() -> new ParkSlotRange(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParkSlotRange(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
