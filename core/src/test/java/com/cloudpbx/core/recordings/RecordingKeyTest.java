package com.cloudpbx.core.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.TenantId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordingKeyTest {

    private static final UUID TENANT = UUID.fromString("7d0c6a4e-1b9f-4e43-9a51-2f3a6c1d8e20");
    private static final UUID CALL = UUID.fromString("0b6f2d8a-5c3e-4f1a-8d7b-9e2c4a6f1b30");

    @Test
    void theKeyIsTenantThenDayThenCallWithItsExtension() {
        var key = new RecordingKey(TenantId.of(TENANT), LocalDate.of(2026, 3, 7), CALL, "wav");

        assertThat(key.value()).isEqualTo(TENANT + "/2026/03/07/" + CALL + ".wav");
    }

    @Test
    void aKeyIsReadBackFromItsValue() {
        var key = new RecordingKey(TenantId.of(TENANT), LocalDate.of(2026, 12, 31), CALL, "mp3");

        assertThat(RecordingKey.parse(key.value())).isEqualTo(key);
    }

    @Test
    void anExtensionWithASeparatorIsRefused() {
        assertThatThrownBy(() -> new RecordingKey(TenantId.of(TENANT), LocalDate.of(2026, 3, 7), CALL, "wav/.."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extension");
    }

    @Test
    void aKeyWithParentSegmentsIsRefused() {
        assertThatThrownBy(() -> RecordingKey.parse(TENANT + "/2026/03/../../" + CALL + ".wav"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a recording key");
    }

    @Test
    void anAbsoluteKeyIsRefused() {
        assertThatThrownBy(() -> RecordingKey.parse("/" + TENANT + "/2026/03/07/" + CALL + ".wav"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyOnADayThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> RecordingKey.parse(TENANT + "/2026/02/30/" + CALL + ".wav"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such day");
    }
}
