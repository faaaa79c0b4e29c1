package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Paging a group from the API ({@code voip.paging.*}).
 *
 * @param answerWaitMs how long a page waits for the paged phones to answer by themselves; members
 *                     whose phone has not answered by then count as offline
 */
@Context
@ConfigurationProperties("voip.paging")
public record PagingSettings(
        @Bindable(defaultValue = "3000")
        @Min(value = 100, message = "VOIP_PAGING_ANSWER_WAIT_MS must be a whole number from 100 to 60000")
        @Max(value = 60000, message = "VOIP_PAGING_ANSWER_WAIT_MS must be a whole number from 100 to 60000")
        long answerWaitMs) {

    public Duration answerWait() {
        return Duration.ofMillis(answerWaitMs);
    }
}
