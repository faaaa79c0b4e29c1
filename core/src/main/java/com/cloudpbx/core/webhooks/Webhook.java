package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's subscription: events posted to a URL, signed with its secret (kept encrypted; while a
 * rotation lasts, the previous secret signs too, until {@code previousSecretUntil}). A webhook that
 * failed every delivery since {@code failingSince} for too long, or whose receiver answered 410,
 * is made inactive with the reason in {@code disabledReason}.
 */
public record Webhook(
        UUID id,
        TenantId tenant,
        String name,
        WebhookTarget target,
        Set<String> events,
        boolean active,
        CustomHeaders headers,
        int maxRetries,
        int retryDelaySeconds,
        String secretEncrypted,
        String previousSecretEncrypted,
        Instant previousSecretUntil,
        Instant failingSince,
        String disabledReason,
        Instant disabledAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_NAME = 100;
    public static final int MAX_RETRIES = 20;
    public static final int MAX_RETRY_DELAY_SECONDS = 3600;
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final int DEFAULT_RETRY_DELAY_SECONDS = 60;

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(secretEncrypted, "secretEncrypted");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        events = Collections.unmodifiableSet(new LinkedHashSet<>(events));
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries out of range: " + maxRetries);
        }
        if (retryDelaySeconds < 1 || retryDelaySeconds > MAX_RETRY_DELAY_SECONDS) {
            throw new IllegalArgumentException("retryDelaySeconds out of range: " + retryDelaySeconds);
        }
    }

    public boolean subscribes(String event) {
        return active && events.contains(event);
    }

    /** Whether the previous secret still signs at {@code now}. */
    public boolean previousSecretSigns(Instant now) {
        return previousSecretEncrypted != null && previousSecretUntil != null && now.isBefore(previousSecretUntil);
    }
}
