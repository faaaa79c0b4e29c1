package com.cloudpbx.http.extensions;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionChanges;
import com.cloudpbx.core.extensions.NewExtension;
import com.cloudpbx.core.provisioning.ExtensionProvisioning;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.http.extensions.ExtensionJson.CreateExtensionRequest;
import com.cloudpbx.http.extensions.ExtensionJson.CreatedExtensionBody;
import com.cloudpbx.http.extensions.ExtensionJson.CrmMappingRequest;
import com.cloudpbx.http.extensions.ExtensionJson.ExtensionBody;
import com.cloudpbx.http.extensions.ExtensionJson.ExtensionList;
import com.cloudpbx.http.extensions.ExtensionJson.MessageWithExtension;
import com.cloudpbx.http.extensions.ExtensionJson.PresenceBody;
import com.cloudpbx.http.extensions.ExtensionJson.PresenceRequest;
import com.cloudpbx.http.extensions.ExtensionJson.Sip;
import com.cloudpbx.http.extensions.ExtensionJson.SipCredentialsBody;
import com.cloudpbx.http.extensions.ExtensionJson.SipCredentialsView;
import com.cloudpbx.http.extensions.ExtensionJson.UpdateExtensionRequest;
import com.cloudpbx.http.shared.JsonPatch;
import com.cloudpbx.http.shared.Message;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;

/** Extensions of the acting tenant, their SIP credentials, CRM mapping and manual presence. */
@Controller("/api/extensions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Extensions")
public class ExtensionController {

    private final ExtensionProvisioning extensions;
    private final ExtensionViews views;

    public ExtensionController(ExtensionProvisioning extensions, ExtensionViews views) {
        this.extensions = extensions;
        this.views = views;
    }

    @Get
    public ExtensionList list(@Parameter(hidden = true) Actor actor) {
        var listing = extensions.list(actor);
        return new ExtensionList(listing.extensions().stream()
                .map(e -> views.view(e, listing.spansTenants() ? listing.tenants().get(e.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public ExtensionBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new ExtensionBody(view(extensions.get(actor, id)));
    }

    /** Creates the extension and the registrar account its phone registers with. */
    @Post
    public HttpResponse<CreatedExtensionBody> create(@Parameter(hidden = true) Actor actor,
                                                     @Body CreateExtensionRequest body) {
        var created = extensions.create(actor, new NewExtension(body.extension(), body.password(),
                body.displayName(), body.voicemailEnabled(), body.voicemailPin(), body.doNotDisturb(),
                body.recordingEnabled(), body.noiseCancellationEnabled(), body.outboundCallerId()));
        return HttpResponse.status(HttpStatus.CREATED).body(new CreatedExtensionBody(
                views.view(created.extension(), null), Sip.of(created.sip())));
    }

    @Put("/{id}")
    public MessageWithExtension update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                       @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                               schema = @Schema(implementation = UpdateExtensionRequest.class)))
                                       JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        var changes = new ExtensionChanges(patch.string("displayName"), patch.string("password"),
                patch.bool("voicemailEnabled"), patch.string("voicemailPin"), patch.bool("doNotDisturb"),
                patch.string("status"), patch.bool("recordingEnabled"), patch.bool("noiseCancellationEnabled"),
                patch.string("outboundCallerId"));
        return new MessageWithExtension("Extension updated", view(extensions.update(actor, id, changes)));
    }

    /** Removes the extension and its registrar account; its call records stay. */
    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        extensions.delete(actor, id);
        return new Message("Extension deleted");
    }

    @Put("/{id}/crm-mapping")
    public MessageWithExtension crmMapping(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                           @Body CrmMappingRequest body) {
        Optional<String> metadata = Optional.ofNullable(body.crmMetadata()).map(views::metadataText);
        Extension updated = extensions.updateCrmMapping(actor, id, body.crmUserId(), metadata);
        return new MessageWithExtension("CRM mapping updated", view(updated));
    }

    @Get("/{id}/sip-credentials")
    public SipCredentialsBody sipCredentials(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new SipCredentialsBody(SipCredentialsView.of(extensions.sipCredentials(actor, id)));
    }

    /** By number the tenant is required, as {@code tenantId} or {@code X-Tenant-ID}. */
    @Get("/by-number/{number}/sip-credentials")
    public SipCredentialsBody sipCredentialsByNumber(@Parameter(hidden = true) Actor actor,
                                                     @PathVariable String number,
                                                     @Nullable @QueryValue UUID tenantId) {
        return new SipCredentialsBody(SipCredentialsView.of(extensions.sipCredentialsByNumber(actor,
                Optional.ofNullable(tenantId).map(TenantId::of), number)));
    }

    @Put("/{id}/presence")
    public PresenceBody presence(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                 @Body PresenceRequest body) {
        var set = extensions.setPresence(actor, id, body.status());
        return new PresenceBody(true, set.extension(), set.status().wireName());
    }

    private ExtensionJson.ExtensionView view(Extension extension) {
        return views.view(extension, null);
    }
}
