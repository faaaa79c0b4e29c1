package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;

/**
 * @param secretKey the AES key SIP passwords are encrypted with ({@code voip.secret-key}); given by
 *                  VOIP_SECRET_KEY or generated on the embedded defaults, never absent
 */
@Context
@ConfigurationProperties("voip")
public record SecretKeySettings(@NotBlank(message = "VOIP_SECRET_KEY is not set") String secretKey) {

    @Override
    public String toString() {
        return "SecretKeySettings[secretKey=(hidden)]";
    }
}
