package com.cloudpbx.http.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportAdmissionTest {

    private final ExportAdmission admission = new ExportAdmission(2, 3);
    private final Actor acme = admin(TenantId.of(UUID.randomUUID()));
    private final Actor globex = admin(TenantId.of(UUID.randomUUID()));

    @Test
    void aTenantPastItsCapIsRefusedWithRetryAfterWhileAnotherTenantStillExports() {
        admission.admit(acme);
        admission.admit(acme);

        assertThatThrownBy(() -> admission.admit(acme)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(refused.retryAfter()).isPositive();
        });
        assertThat(admission.admit(globex)).isNotNull();
    }

    @Test
    void noTenantGetsASlotPastTheOverallCapUntilAnExportEnds() {
        admission.admit(acme);
        ExportAdmission.Slot second = admission.admit(acme);
        admission.admit(globex);

        assertThatThrownBy(() -> admission.admit(globex)).isInstanceOf(DomainException.class);
        second.close();
        second.close();
        assertThat(admission.admit(globex)).isNotNull();
        assertThatThrownBy(() -> admission.admit(acme)).isInstanceOf(DomainException.class);
    }

    private static Actor admin(TenantId tenant) {
        Principal admin = new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant, null, Set.of());
        return new Actor(admin, tenant, "192.0.2.1");
    }
}
