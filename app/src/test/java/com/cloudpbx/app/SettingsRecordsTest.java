package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.settings.IdempotencySettings;
import com.cloudpbx.app.settings.ParkSettings;
import com.cloudpbx.app.settings.ThreeWaySettings;
import com.cloudpbx.app.settings.TurnServerSettings;
import com.cloudpbx.core.threeway.ModeratorHangupPolicy;
import com.cloudpbx.http.calls.ExportSettings;
import com.cloudpbx.http.ws.SessionRecheckSettings;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.ConstraintViolation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the settings records refuse, in the words the operator reads at a refused start. */
class SettingsRecordsTest {

    private final Validator validator = Validator.getInstance();

    @Test
    void aTurnSecretShorterThan16CharactersIsRefusedNamingTheVariableNotTheSecret() {
        assertThat(violations(new TurnServerSettings("short-secret-15", null, 86_400)))
                .contains("VOIP_TURN_SECRET", "16").doesNotContain("short-secret-15");
    }

    @Test
    void aTurnSecretOf16CharactersIsAccepted() {
        assertThat(violations(new TurnServerSettings("0123456789abcdef", null, 86_400))).isEmpty();
    }

    @Test
    void aSessionRecheckIntervalBeyondThirtySecondsIsRefused() {
        assertThat(violations(new SessionRecheckSettings(60))).contains("VOIP_SESSION_RECHECK_SECONDS", "1 to 30");
    }

    @Test
    void anIdempotencyLeaseLongerThanTheKeysAreKeptIsRefused() {
        assertThat(violations(new IdempotencySettings(90_000)))
                .contains("VOIP_IDEMPOTENCY_LEASE_SECONDS", "1 to 86400");
    }

    @Test
    void anExportLimitBelowOneIsRefused() {
        assertThat(violations(new ExportSettings(4, 0, 30))).contains("VOIP_EXPORT_MAX_PER_TENANT");
    }

    @Test
    void aModeratorHangupPolicyOtherThanBridgeOrReleaseIsRefused() {
        assertThat(violations(new ThreeWaySettings("hold"))).contains("VOIP_THREE_WAY_ON_MODERATOR_HANGUP");
        assertThat(new ThreeWaySettings(" Release ").policy()).isEqualTo(ModeratorHangupPolicy.RELEASE);
    }

    @Test
    void parkSlotsThatAreNoRangeAreRefused() {
        assertThat(violations(new ParkSettings("701"))).contains("VOIP_PARK_SLOTS", "701-750");
        assertThat(new ParkSettings("801 - 820").parkSlots()).isNotNull();
    }

    private <T> String violations(T settings) {
        return validator.validate(settings).stream().map(ConstraintViolation::getMessage)
                .collect(Collectors.joining("; "));
    }
}
