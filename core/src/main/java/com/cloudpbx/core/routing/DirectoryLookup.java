package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Optional;

/**
 * Answers the media server's user lookups (registration, and ringing {@code user/<ext>@<domain>}):
 * only active extensions of active tenants exist for it, so disabling either stops phones at the
 * next registration.
 */
public final class DirectoryLookup {

    private final SipDomainTenants tenants;
    private final ExtensionRepository extensions;
    private final SecretCipher cipher;

    public DirectoryLookup(TenantRepository tenants, ExtensionRepository extensions, SecretCipher cipher) {
        this.tenants = new SipDomainTenants(tenants);
        this.extensions = extensions;
        this.cipher = cipher;
    }

    public Optional<DirectoryEntry> find(String sipDomain, String user) {
        if (!ExtensionNumber.isValid(user)) {
            return Optional.empty();
        }
        return tenants.active(sipDomain).flatMap(tenant -> extensions
                .findByNumber(tenant.id(), new ExtensionNumber(user))
                .filter(Extension::isActive)
                .map(extension -> entry(extension, tenant.sipDomain())));
    }

    private DirectoryEntry entry(Extension extension, String sipDomain) {
        String number = extension.number().value();
        String a1 = DigestA1.of(number, sipDomain, cipher.decrypt(extension.sipPasswordEncrypted()));
        return new DirectoryEntry(number, sipDomain, a1, extension.displayName(), extension.tenant(),
                extension.voicemailEnabled(), Optional.ofNullable(extension.outboundCallerId()));
    }
}
