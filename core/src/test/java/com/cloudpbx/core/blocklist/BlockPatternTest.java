package com.cloudpbx.core.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockPatternTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+17865559999,        +17865559999, EXACT",
            "'+1 (786) 555-9999', +17865559999, EXACT",
            "+44 20 7946 0000,    +442079460000, EXACT",
            "+1900*,              +1900*,       PREFIX",
            "'+1 900*',           +1900*,       PREFIX",
            "+4*,                 +4*,          PREFIX",
            "anonymous,           anonymous,    ANONYMOUS",
            "ANONYMOUS,           anonymous,    ANONYMOUS"})
    void readsEachFormIntoItsWireForm(String input, String wire, BlockPattern.Kind kind) {
        BlockPattern pattern = BlockPattern.parse(input, "number");

        assertThat(pattern.wire()).isEqualTo(wire);
        assertThat(pattern.kind()).isEqualTo(kind);
        assertThat(BlockPattern.ofWire(wire)).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "spam", "1900*", "+*", "+0123*", "*", "+1900**", "+1234567890123456*",
            "+1 555", "restricted"})
    void refusesAnythingElseOnTheField(String input) {
        assertThatThrownBy(() -> BlockPattern.parse(input, "number"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.details()).extracting("field").containsExactly("number");
                });
    }
}
