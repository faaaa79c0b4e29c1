package com.cloudpbx.app.settings;

import com.cloudpbx.core.threeway.ModeratorHangupPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * @param onModeratorHangup what happens to the two other parties of a three-way call when its
 *                          moderator hangs up: bridge or release ({@code voip.three-way.*})
 */
@Context
@ConfigurationProperties("voip.three-way")
public record ThreeWaySettings(
        @Bindable(defaultValue = "bridge")
        @Pattern(regexp = "(?i)\\s*(bridge|release)\\s*",
                message = "VOIP_THREE_WAY_ON_MODERATOR_HANGUP must be bridge or release")
        String onModeratorHangup) {

    public ModeratorHangupPolicy policy() {
        return ModeratorHangupPolicy.valueOf(onModeratorHangup.strip().toUpperCase(Locale.ROOT));
    }
}
