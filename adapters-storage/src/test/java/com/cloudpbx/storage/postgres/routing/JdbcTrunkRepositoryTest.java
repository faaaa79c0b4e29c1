package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.TrunkRepositoryContract;
import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import com.cloudpbx.storage.secrets.AesGcmSecretCipher;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTrunkRepositoryTest extends TrunkRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    /** The stored column is the cipher's output, never the password, and the cipher reads it back. */
    @Test
    void thePasswordColumnHoldsOnlyTheCiphertext() {
        var cipher = new AesGcmSecretCipher(HexFormat.of().parseHex(
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        SipTrunk trunk = new SipTrunk(UUID.randomUUID(), null, "encrypted-carrier", null, "sip.carrier.example", "acme",
                cipher.encrypt("carrier-secret-1"), "udp", List.of("PCMU"), true, 30, true, T0, T0);
        storage.emptied().bean(TrunkRepository.class).insert(trunk);

        Object stored = storage.rows("SELECT password_enc FROM sip_trunks WHERE id = ?", trunk.id()).get(0)
                .get("password_enc");

        assertThat(stored).asString().doesNotContain("carrier-secret-1");
        assertThat(cipher.decrypt((String) stored)).isEqualTo("carrier-secret-1");
    }

    @Override
    protected TrunkRepository newRepository() {
        return storage.emptied().bean(TrunkRepository.class);
    }

    @Override
    protected TenantId newTenant(String companyName) {
        Tenant tenant = tenant(companyName);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }
}
