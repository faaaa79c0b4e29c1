package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import java.util.ArrayList;
import java.util.List;

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
        return new ListTenants(tenantRows);
    }

    ExtensionRepository extensions() {
        return new ListExtensions(extensionRows);
    }
}
