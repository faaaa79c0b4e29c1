package com.cloudpbx.core.shared;

import java.util.UUID;

/**
 * Told, once a change is committed, that what credentials of an extension or a tenant stand for
 * has changed (deleted, disabled, suspended, new password), so this node forgets what it
 * remembered of them at once rather than when its memory expires. Other nodes learn it when
 * theirs expires.
 */
public interface StandingChanges {

    void extensionChanged(UUID extensionId);

    void tenantChanged(TenantId tenant);
}
