package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A PBX extension. Its SIP password and voicemail PIN are held encrypted; {@code crmMetadataJson}
 * is an opaque JSON object owned by the tenant's CRM.
 */
public record Extension(UUID id, TenantId tenant, ExtensionNumber number, String displayName,
                        String sipPasswordEncrypted, boolean voicemailEnabled, String voicemailPinEncrypted,
                        boolean doNotDisturb, boolean recordingEnabled, boolean noiseCancellationEnabled,
                        PhoneNumber outboundCallerId, ExtensionStatus status, String crmUserId,
                        String crmMetadataJson, ManualPresence presence, Instant createdAt, Instant updatedAt) {

    public Extension {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(sipPasswordEncrypted, "sipPasswordEncrypted");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isActive() {
        return status == ExtensionStatus.ACTIVE;
    }

    public boolean hasVoicemailPin() {
        return voicemailPinEncrypted != null;
    }

    public Extension withCrmMapping(String userId, String metadataJson, Instant at) {
        return new Extension(id, tenant, number, displayName, sipPasswordEncrypted, voicemailEnabled,
                voicemailPinEncrypted, doNotDisturb, recordingEnabled, noiseCancellationEnabled, outboundCallerId,
                status, userId, metadataJson, presence, createdAt, at);
    }

    public Extension withPresence(ManualPresence newPresence, Instant at) {
        return new Extension(id, tenant, number, displayName, sipPasswordEncrypted, voicemailEnabled,
                voicemailPinEncrypted, doNotDisturb, recordingEnabled, noiseCancellationEnabled, outboundCallerId,
                status, crmUserId, crmMetadataJson, newPresence, createdAt, at);
    }
}
