package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.DomainException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets. A generated one is {@code whsec_} and the base64 of 32 random bytes, the form
 * Standard Webhooks' libraries take as it is. A client may choose its own: a {@code whsec_} secret
 * whose bytes are 24 to 64, or any other text of 24 to 255 printable characters (the standard
 * scheme is then keyed by its UTF-8 bytes, as the {@code sha256=} one always is).
 */
public final class WebhookSecrets {

    private static final int GENERATED_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final int MIN_TEXT = 24;
    private static final int MAX_TEXT = 255;

    private final SecureRandom random;

    public WebhookSecrets(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The secret a client chose, checked; null or blank asks for a generated one. */
    public String chosenOrGenerated(String chosen, String field) {
        if (chosen == null || chosen.isBlank()) {
            return generate();
        }
        if (chosen.startsWith(WebhookSigner.SECRET_PREFIX)) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(chosen.substring(WebhookSigner.SECRET_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(field, "a whsec_ secret continues in base64");
            }
            if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
                throw DomainException.invalid(field, "a whsec_ secret encodes " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                        + " bytes");
            }
            return chosen;
        }
        if (chosen.length() < MIN_TEXT || chosen.length() > MAX_TEXT
                || chosen.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw DomainException.invalid(field, "must be " + MIN_TEXT + " to " + MAX_TEXT
                    + " printable characters without spaces (or omit it to have one generated)");
        }
        return chosen;
    }
}
