package com.cloudpbx.core.webhooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An HTTP POST of a delivery as it goes out: the target, every header in order, the raw body. */
public record OutgoingDelivery(WebhookTarget target, Map<String, String> headers, byte[] body) {

    public OutgoingDelivery {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
