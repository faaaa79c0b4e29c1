package com.cloudpbx.http.auth;

import com.cloudpbx.core.identity.LoginResult;
import com.cloudpbx.core.identity.Me;
import com.cloudpbx.core.identity.TurnCredentials;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.tenants.Tenant;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the auth routes. */
public final class AuthJson {

    private AuthJson() {
    }

    @Serdeable
    public record ExtensionLoginRequest(@Nullable String username, @Nullable String password, @Nullable UUID tenantId) {

        @Override
        public String toString() {
            return "ExtensionLoginRequest[" + username + "]";
        }
    }

    @Serdeable
    public record AccountLoginRequest(@Nullable String email, @Nullable String password) {

        @Override
        public String toString() {
            return "AccountLoginRequest[" + email + "]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(String id, String kind, String role, @Nullable String displayName, @Nullable String email,
                       @Nullable String extension, @Nullable String tenantId, @Nullable String name) {

        static User of(Principal principal, String displayName, String email, String extension, String keyName) {
            return new User(principal.id().toString(), principal.kind().wireName(), principal.role().wireName(),
                    displayName, email, extension, principal.tenant() == null ? null : principal.tenant().toString(),
                    keyName);
        }
    }

    @Serdeable
    public record TenantSummary(String id, String subdomain, String companyName, String sipDomain, String status) {

        static TenantSummary of(Tenant tenant) {
            return tenant == null ? null : new TenantSummary(tenant.id().toString(), tenant.subdomain().value(),
                    tenant.companyName(), tenant.sipDomain(), tenant.status().wireName());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LoginResponse(String token, User user, @Nullable TenantSummary tenant) {

        static LoginResponse of(String token, LoginResult result) {
            return new LoginResponse(token, User.of(result.principal(), result.displayName(), result.email(),
                    result.extension(), null), TenantSummary.of(result.tenant()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MeResponse(User user, @Nullable TenantSummary tenant) {

        static MeResponse of(Me me) {
            return new MeResponse(User.of(me.principal(), me.displayName(), me.email(), me.extension(), me.keyName()),
                    TenantSummary.of(me.tenant()));
        }
    }

    @Serdeable
    public record TurnResponse(List<String> urls, String username, String credential, long ttl) {

        static TurnResponse of(TurnCredentials credentials) {
            return new TurnResponse(credentials.urls(), credentials.username(), credentials.credential(),
                    credentials.ttl());
        }
    }
}
