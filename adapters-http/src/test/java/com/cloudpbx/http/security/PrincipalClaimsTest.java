package com.cloudpbx.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A token's claims hold the credential version it was issued under, and give it back. */
class PrincipalClaimsTest {

    private final UUID extension = UUID.randomUUID();
    private final Principal user = new Principal(extension, PrincipalKind.EXTENSION, Role.USER,
            TenantId.of(UUID.randomUUID()), extension, Set.of(), 7);

    @Test
    void theCredentialVersionTravelsInTheToken() {
        Authentication claims = PrincipalClaims.toAuthentication(user);

        assertThat(claims.getAttributes()).containsEntry("cv", 7L);
        assertThat(PrincipalClaims.toPrincipal(claims)).isEqualTo(user);
    }

    @Test
    void aVersionReadBackAsAnotherNumberTypeIsTheSameVersion() {
        Map<String, Object> attributes = new HashMap<>(PrincipalClaims.toAuthentication(user).getAttributes());
        attributes.put("cv", 7);

        Principal read = PrincipalClaims.toPrincipal(Authentication.build(extension.toString(), List.of("user"),
                attributes));

        assertThat(read.credentialVersion()).isEqualTo(7);
    }

    @Test
    void aTokenWithoutAVersionIsAtVersionZero() {
        Map<String, Object> attributes = new HashMap<>(PrincipalClaims.toAuthentication(user).getAttributes());
        attributes.remove("cv");

        Principal read = PrincipalClaims.toPrincipal(Authentication.build(extension.toString(), List.of("user"),
                attributes));

        assertThat(read.credentialVersion()).isZero();
    }
}
