package com.cloudpbx.http.security;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Carries a core {@link Principal} inside Micronaut's {@link Authentication} and back. The same
 * attributes become JWT claims, so a token holds everything needed to rebuild the principal.
 */
public final class PrincipalClaims {

    static final String KIND = "kind";
    static final String TENANT = "tenant";
    static final String EXTENSION = "ext";
    static final String SCOPES = "scopes";
    /** The credential version the token was issued under; absent (0) in tokens that never had one. */
    static final String CREDENTIAL_VERSION = "cv";

    private PrincipalClaims() {
    }

    public static Authentication toAuthentication(Principal principal) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(KIND, principal.kind().wireName());
        if (principal.tenant() != null) {
            attributes.put(TENANT, principal.tenant().toString());
        }
        if (principal.extensionId() != null) {
            attributes.put(EXTENSION, principal.extensionId().toString());
        }
        if (!principal.scopes().isEmpty()) {
            attributes.put(SCOPES, principal.scopes().stream().map(Scope::wireName).sorted().toList());
        }
        if (principal.credentialVersion() != 0) {
            attributes.put(CREDENTIAL_VERSION, principal.credentialVersion());
        }
        return Authentication.build(principal.id().toString(), List.of(principal.role().wireName()), attributes);
    }

    public static Principal toPrincipal(Authentication authentication) {
        try {
            Map<String, Object> attributes = authentication.getAttributes();
            Role role = Role.parse(authentication.getRoles().stream().findFirst().orElse(null), "role");
            String tenant = (String) attributes.get(TENANT);
            String extension = (String) attributes.get(EXTENSION);
            return new Principal(UUID.fromString(authentication.getName()),
                    PrincipalKind.fromWireName((String) attributes.get(KIND)), role,
                    tenant == null ? null : TenantId.of(UUID.fromString(tenant)),
                    extension == null ? null : UUID.fromString(extension), scopes(attributes.get(SCOPES)),
                    attributes.get(CREDENTIAL_VERSION) instanceof Number version ? version.longValue() : 0);
        } catch (RuntimeException malformed) {
            throw DomainException.unauthorized("The credential is not valid for this server");
        }
    }

    private static Set<Scope> scopes(Object value) {
        if (!(value instanceof Collection<?> names)) {
            return Set.of();
        }
        return names.stream().map(n -> Scope.parse(String.valueOf(n), "scopes")).collect(Collectors.toSet());
    }
}
