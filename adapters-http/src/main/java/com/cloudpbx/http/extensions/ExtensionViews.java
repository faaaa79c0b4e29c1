package com.cloudpbx.http.extensions;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.ExtensionView;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.shared.Times;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Maps extensions to their JSON rows, and CRM metadata between JSON objects and stored text. */
@Singleton
public class ExtensionViews {

    private static final int MAX_METADATA_BYTES = 16 * 1024;

    private final JsonMapper json;

    public ExtensionViews(JsonMapper json) {
        this.json = json;
    }

    public ExtensionView view(Extension extension, Tenant spanningTenant) {
        return new ExtensionView(extension.id().toString(), extension.tenant().toString(),
                extension.number().value(), extension.displayName(), extension.voicemailEnabled(),
                extension.hasVoicemailPin(), extension.doNotDisturb(), extension.recordingEnabled(),
                extension.noiseCancellationEnabled(),
                extension.outboundCallerId() == null ? null : extension.outboundCallerId().e164(),
                extension.status().wireName(), extension.presence().wireName(), extension.crmUserId(),
                metadata(extension.crmMetadataJson()), Times.iso(extension.createdAt()),
                Times.iso(extension.updatedAt()),
                spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                        spanningTenant.companyName(), spanningTenant.subdomain().value()));
    }

    public String metadataText(Map<String, Object> metadata) {
        try {
            String text = json.writeValueAsString(metadata);
            if (text.length() > MAX_METADATA_BYTES) {
                throw DomainException.invalid("crmMetadata", "must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
            }
            return text;
        } catch (IOException e) {
            throw DomainException.invalid("crmMetadata", "must be a JSON object");
        }
    }

    private Object metadata(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored CRM metadata is not JSON", e);
        }
    }
}
