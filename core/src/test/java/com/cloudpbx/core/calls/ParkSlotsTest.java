package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParkSlotsTest {

    private final ParkSlots slots = new ParkSlots(701, 750);

    @Test
    void the_range_contains_its_first_and_last_slot_and_those_between() {
        assertThat(Stream.of("701", "725", "750")).allMatch(slots::contains);
    }

    @Test
    void the_range_does_not_contain_the_slots_just_outside_it() {
        assertThat(slots.contains("700")).isFalse();
        assertThat(slots.contains("751")).isFalse();
    }

    @Test
    void what_is_not_a_number_of_up_to_8_digits_is_no_slot() {
        assertThat(Stream.of(null, "", "abc", "70a", "-701", "+701", " 701", "7 01", "999999999", "7010000000000"))
                .noneMatch(slots::contains);
    }

    @Test
    void require_gives_back_a_slot_of_the_range() {
        assertThat(slots.require("701", "slot")).isEqualTo("701");
    }

    @Test
    void require_refuses_a_slot_outside_the_range_naming_the_field() {
        assertInvalid(() -> slots.require("751", "slot"), "slot");
        assertInvalid(() -> slots.require(null, "slot"), "slot");
    }

    @Test
    void require_refuses_a_slot_written_with_a_leading_zero_rather_than_naming_a_second_slot_701() {
        assertInvalid(() -> slots.require("0701", "slot"), "slot");
    }

    @Test
    void a_range_of_one_slot_is_allowed() {
        assertThat(new ParkSlots(5, 5).contains("5")).isTrue();
    }

    @Test
    void a_range_starts_at_1_or_more_and_does_not_end_before_it_starts() {
        assertThatThrownBy(() -> new ParkSlots(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParkSlots(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
