package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionRepository;
import com.cloudpbx.core.shared.SecretCipher;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantRepository;
import com.cloudpbx.core.tenants.TenantStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants and extensions in lists, and a reversible "cipher", for unit tests of the routing use cases. */
final class RoutingStore {

    final List<Tenant> tenantRows = new ArrayList<>();
    final List<Extension> extensionRows = new ArrayList<>();

    /** Stores {@code plain} as {@code enc(plain)}, so a test can tell a decrypted value from a stored one. */
    static final SecretCipher CIPHER = new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "enc(" + plaintext + ")";
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext.substring(4, ciphertext.length() - 1);
        }
    };

    TenantRepository tenants() {
        return new TenantRepository() {
            @Override
            public void insert(Tenant tenant) {
                tenantRows.add(tenant);
            }

            @Override
            public void update(Tenant tenant) {
            }

            @Override
            public void delete(TenantId id) {
            }

            @Override
            public Optional<Tenant> findById(TenantId id) {
                return tenantRows.stream().filter(t -> t.id().equals(id)).findFirst();
            }

            @Override
            public Optional<Tenant> findBySipDomain(String sipDomain) {
                return tenantRows.stream().filter(t -> t.sipDomain().equals(sipDomain)).findFirst();
            }

            @Override
            public List<Tenant> findAll() {
                return List.copyOf(tenantRows);
            }

            @Override
            public boolean existsSubdomain(Subdomain subdomain) {
                return false;
            }

            @Override
            public TenantStats stats(TenantId id) {
                return new TenantStats(0, 0, 0, 0);
            }
        };
    }

    ExtensionRepository extensions() {
        return new ExtensionRepository() {
            @Override
            public void insert(Extension extension) {
                extensionRows.add(extension);
            }

            @Override
            public void update(Extension extension) {
            }

            @Override
            public void delete(UUID id) {
            }

            @Override
            public Optional<Extension> findById(UUID id) {
                return extensionRows.stream().filter(e -> e.id().equals(id)).findFirst();
            }

            @Override
            public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
                return extensionRows.stream()
                        .filter(e -> e.tenant().equals(tenant) && e.number().equals(number)).findFirst();
            }

            @Override
            public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
                return findByNumber(tenant, number).isPresent();
            }

            @Override
            public List<Extension> list(Optional<TenantId> tenant) {
                return extensionRows.stream().filter(e -> tenant.map(e.tenant()::equals).orElse(true)).toList();
            }
        };
    }
}
