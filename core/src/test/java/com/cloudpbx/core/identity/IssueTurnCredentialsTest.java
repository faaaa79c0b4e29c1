package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IssueTurnCredentialsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T14:03:22Z"), ZoneOffset.UTC);
    private final Actor actor = Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN,
            Role.SUPERADMIN, null, null, Set.of()), Optional.empty(), "127.0.0.1");

    @Test
    void usernameIsExpiryAndPrincipalAndCredentialIsTheCoturnHmac() throws Exception {
        var settings = new TurnSettings("s3cret", List.of("turn:turn.example.com:3478"), Duration.ofSeconds(86400));

        TurnCredentials credentials = new IssueTurnCredentials(settings, clock).issue(actor);

        long expiry = clock.instant().getEpochSecond() + 86400;
        assertThat(credentials.username()).isEqualTo(expiry + ":" + actor.principalId());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(credentials.credential()).isEqualTo(Base64.getEncoder()
                .encodeToString(mac.doFinal(credentials.username().getBytes(StandardCharsets.UTF_8))));
        assertThat(credentials.ttl()).isEqualTo(86400);
        assertThat(credentials.urls()).containsExactly("turn:turn.example.com:3478");
    }

    @Test
    void withoutASharedSecretTheServerSaysTurnIsNotConfigured() {
        var settings = new TurnSettings("", List.of(), Duration.ofSeconds(60));

        assertThatThrownBy(() -> new IssueTurnCredentials(settings, clock).issue(actor))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("TURN_NOT_CONFIGURED"));
    }
}
