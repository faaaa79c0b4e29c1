package com.cloudpbx.core.webhooks;

import java.util.List;
import java.util.Map;

/** A webhook as a client asks for it; null fields take their defaults (active, 5 retries, 60 s, a generated secret). */
public record NewWebhook(String name, String url, List<String> events, String secret, Map<String, String> headers,
                         Integer maxRetries, Integer retryDelaySeconds, Boolean active) {
}
