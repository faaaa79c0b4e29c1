package com.cloudpbx.http.apikeys;

import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.identity.IssuedApiKey;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** API-key bodies, camelCase as the SDK shows them; {@code key} appears only on create and regenerate. */
public final class ApiKeyJson {

    private ApiKeyJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiKeyView(String id, String name, String keyPreview, String role, List<String> scopes,
                             @Nullable String tenantId, @Nullable String extensionId, @Nullable String lastUsedAt,
                             @Nullable String expiresAt, String status, String createdAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String key) {

        static ApiKeyView of(ApiKey key) {
            return of(key, null);
        }

        static ApiKeyView of(IssuedApiKey issued) {
            return of(issued.key(), issued.secret().value());
        }

        private static ApiKeyView of(ApiKey key, String fullKey) {
            return new ApiKeyView(key.id().toString(), key.name(), key.preview(), key.role().wireName(),
                    key.scopes().stream().map(Scope::wireName).sorted().toList(),
                    key.tenant() == null ? null : key.tenant().toString(),
                    key.extensionId() == null ? null : key.extensionId().toString(), Times.iso(key.lastUsedAt()),
                    Times.iso(key.expiresAt()), key.status().wireName(), Times.iso(key.createdAt()), fullKey);
        }

        @Override
        public String toString() {
            return "ApiKeyView[" + id + "]";
        }
    }

    /** {@code extension} (a user key's extension number) is needed for role user. */
    @Serdeable
    public record CreateApiKeyRequest(@Nullable String name, @Nullable String role, @Nullable List<String> scopes,
                                      @Nullable String expiresAt, @Nullable Boolean global, @Nullable UUID tenantId,
                                      @Nullable String extension) {
    }

    @Serdeable
    public record ApiKeyList(List<ApiKeyView> apiKeys) {
    }

    @Serdeable
    public record ApiKeyBody(ApiKeyView apiKey) {
    }

    @Serdeable
    public record RevokedBody(String message, ApiKeyView apiKey) {
    }
}
