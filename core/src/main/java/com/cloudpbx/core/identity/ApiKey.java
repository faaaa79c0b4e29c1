package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API key: only its hash and last eight characters are kept. A key without a tenant is
 * global (superadmin); a user key acts for one extension.
 */
public record ApiKey(UUID id, TenantId tenant, String name, Role role, Set<Scope> scopes, UUID extensionId,
                     String keyHash, String last8, ApiKeyStatus status, Instant expiresAt, Instant lastUsedAt,
                     UUID createdBy, Instant createdAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(last8, "last8");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
        if ((role == Role.SUPERADMIN) != (tenant == null)) {
            throw new IllegalArgumentException("superadmin keys are global, all others belong to a tenant");
        }
        if ((role == Role.USER) != (extensionId != null)) {
            throw new IllegalArgumentException("user keys, and only they, act for an extension");
        }
    }

    public String preview() {
        return ApiKeySecret.preview(last8);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Principal principal() {
        return new Principal(id, PrincipalKind.API_KEY, role, tenant, extensionId, scopes);
    }

    public ApiKey withSecret(ApiKeySecret secret) {
        return new ApiKey(id, tenant, name, role, scopes, extensionId, secret.hash(), secret.last8(), status,
                expiresAt, lastUsedAt, createdBy, createdAt);
    }

    public ApiKey revoked() {
        return new ApiKey(id, tenant, name, role, scopes, extensionId, keyHash, last8, ApiKeyStatus.REVOKED,
                expiresAt, lastUsedAt, createdBy, createdAt);
    }
}
