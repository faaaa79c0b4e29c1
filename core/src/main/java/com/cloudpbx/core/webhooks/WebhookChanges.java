package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.Change;
import java.util.List;
import java.util.Map;

/** A partial update of a webhook: each field absent (kept) or present. The secret changes by rotation only. */
public record WebhookChanges(Change<String> name, Change<String> url, Change<List<String>> events,
                             Change<Map<String, String>> headers, Change<Integer> maxRetries,
                             Change<Integer> retryDelaySeconds, Change<Boolean> active) {
}
