package com.cloudpbx.core.shared;

import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialVersions} must do; adapters extend this with their own store. */
public abstract class CredentialVersionsContract {

    private CredentialVersions versions;
    private Tenant acme;
    private Extension phone;

    /** A store holding no tenants or extensions. */
    protected abstract CredentialVersions newVersions();

    protected abstract TenantRepository tenants();

    protected abstract ExtensionRepository extensions();

    @BeforeEach
    void aTenantWithAnExtension() {
        versions = newVersions();
        acme = tenant("Acme");
        tenants().insert(acme);
        phone = extension(acme.id(), "1001");
        extensions().insert(phone);
    }

    @Test
    void aNewTenantAndExtensionStartAtZero() {
        assertThat(versions.ofTenant(acme.id())).isZero();
        assertThat(versions.ofExtension(phone.id())).isZero();
    }

    @Test
    void advancingAnExtensionRaisesItsVersionOnly() {
        versions.advanceExtension(phone.id());
        versions.advanceExtension(phone.id());

        assertThat(versions.ofExtension(phone.id())).isEqualTo(2);
        assertThat(versions.ofTenant(acme.id())).isZero();
    }

    @Test
    void advancingATenantRaisesItsVersionOnly() {
        versions.advanceTenant(acme.id());

        assertThat(versions.ofTenant(acme.id())).isEqualTo(1);
        assertThat(versions.ofExtension(phone.id())).isZero();
    }

    @Test
    void whatDoesNotExistIsAtZero() {
        versions.advanceExtension(UUID.randomUUID());

        assertThat(versions.ofExtension(UUID.randomUUID())).isZero();
        assertThat(versions.ofTenant(TenantId.of(UUID.randomUUID()))).isZero();
    }
}
