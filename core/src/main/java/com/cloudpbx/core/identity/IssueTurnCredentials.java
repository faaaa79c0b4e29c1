package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * coturn's TURN REST API: username {@code <expiry-unix-time>:<principal-id>}, credential
 * {@code base64(HMAC-SHA1(shared secret, username))}; coturn checks both with the same secret.
 */
public final class IssueTurnCredentials {

    private final TurnSettings settings;
    private final Clock clock;

    public IssueTurnCredentials(TurnSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public TurnCredentials issue(Actor actor) {
        if (!settings.configured()) {
            throw DomainException.unavailable("TURN_NOT_CONFIGURED",
                    "TURN is not configured on this server: set VOIP_TURN_SECRET and VOIP_TURN_URLS");
        }
        long ttl = settings.ttl().toSeconds();
        long expiry = clock.instant().getEpochSecond() + ttl;
        String username = expiry + ":" + actor.principalId();
        return new TurnCredentials(settings.urls(), username, sign(username), ttl);
    }

    String sign(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(settings.sharedSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
