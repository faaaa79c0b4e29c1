package com.cloudpbx.http.extensions;

import com.cloudpbx.core.extensions.SipCredentials;
import com.cloudpbx.core.extensions.SipProvisioning;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** Extension bodies: requests in camelCase, the extension row in snake_case as the SDK shows it. */
public final class ExtensionJson {

    private ExtensionJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExtensionView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String extension,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("voicemail_enabled") boolean voicemailEnabled,
            @JsonProperty("voicemail_pin_set") boolean voicemailPinSet,
            @JsonProperty("do_not_disturb") boolean doNotDisturb,
            @JsonProperty("recording_enabled") boolean recordingEnabled,
            @JsonProperty("noise_cancellation_enabled") boolean noiseCancellationEnabled,
            @JsonProperty("outbound_caller_id") @Nullable String outboundCallerId,
            String status,
            String presence,
            @JsonProperty("crm_user_id") @Nullable String crmUserId,
            @JsonProperty("crm_metadata") @Nullable Object crmMetadata,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {
    }

    /** The owning tenant, added when a listing spans tenants. */
    @Serdeable
    public record TenantRef(String id, @JsonProperty("company_name") String companyName, String subdomain) {
    }

    @Serdeable
    public record CreateExtensionRequest(@Nullable String extension, @Nullable String password,
                                         @Nullable String displayName, @Nullable Boolean voicemailEnabled,
                                         @Nullable String voicemailPin, @Nullable Boolean doNotDisturb,
                                         @Nullable Boolean recordingEnabled,
                                         @Nullable Boolean noiseCancellationEnabled,
                                         @Nullable String outboundCallerId) {

        @Override
        public String toString() {
            return "CreateExtensionRequest[" + extension + "]";
        }
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateExtensionRequest(@Nullable String displayName, @Nullable String password,
                                         @Nullable Boolean voicemailEnabled, @Nullable String voicemailPin,
                                         @Nullable Boolean doNotDisturb, @Nullable String status,
                                         @Nullable Boolean recordingEnabled,
                                         @Nullable Boolean noiseCancellationEnabled,
                                         @Nullable String outboundCallerId) {
    }

    @Serdeable
    public record CrmMappingRequest(@Nullable String crmUserId, @Nullable Map<String, Object> crmMetadata) {
    }

    @Serdeable
    public record PresenceRequest(@Nullable String status) {
    }

    @Serdeable
    public record ExtensionList(List<ExtensionView> extensions) {
    }

    @Serdeable
    public record ExtensionBody(ExtensionView extension) {
    }

    @Serdeable
    public record Sip(String username, String domain, String server) {

        static Sip of(SipProvisioning sip) {
            return new Sip(sip.username(), sip.domain(), sip.server());
        }
    }

    @Serdeable
    public record CreatedExtensionBody(ExtensionView extension, Sip sip) {
    }

    @Serdeable
    public record MessageWithExtension(String message, ExtensionView extension) {
    }

    @Serdeable
    public record SipCredentialsView(String extension, String displayName, String password, String sipDomain,
                                     String wsUri, String registrar) {

        static SipCredentialsView of(SipCredentials credentials) {
            return new SipCredentialsView(credentials.extension(), credentials.displayName(), credentials.password(),
                    credentials.sipDomain(), credentials.wsUri(), credentials.registrar());
        }

        @Override
        public String toString() {
            return "SipCredentialsView[" + extension + "]";
        }
    }

    @Serdeable
    public record SipCredentialsBody(SipCredentialsView sipCredentials) {
    }

    @Serdeable
    public record PresenceBody(boolean ok, String extension, String status) {
    }
}
