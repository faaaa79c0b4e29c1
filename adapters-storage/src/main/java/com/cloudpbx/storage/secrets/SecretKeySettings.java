package com.cloudpbx.storage.secrets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.validation.constraints.NotBlank;

/**
 * @param secretKey the AES key SIP passwords are encrypted with ({@code voip.secret-key}); given by
 *                  VOIP_SECRET_KEY or generated on the embedded defaults, never absent
 */
@Context
@Requires(property = SecretKeySettings.PROPERTY)
@ConfigurationProperties("voip")
public record SecretKeySettings(@NotBlank(message = "VOIP_SECRET_KEY is not set") String secretKey) {

    /** The server always sets it (given or generated); a storage-only context without it has no cipher. */
    public static final String PROPERTY = "voip.secret-key";

    @Override
    public String toString() {
        return "SecretKeySettings[secretKey=(hidden)]";
    }
}
