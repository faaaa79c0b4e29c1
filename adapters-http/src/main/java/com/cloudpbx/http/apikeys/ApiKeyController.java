package com.cloudpbx.http.apikeys;

import com.cloudpbx.core.identity.ApiKeyManagement;
import com.cloudpbx.core.identity.NewApiKey;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.apikeys.ApiKeyJson.ApiKeyBody;
import com.cloudpbx.http.apikeys.ApiKeyJson.ApiKeyList;
import com.cloudpbx.http.apikeys.ApiKeyJson.ApiKeyView;
import com.cloudpbx.http.apikeys.ApiKeyJson.CreateApiKeyRequest;
import com.cloudpbx.http.apikeys.ApiKeyJson.RevokedBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** API keys of the acting tenant (superadmins: global keys too); admin only. */
@Controller("/api/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "API keys")
public class ApiKeyController {

    private final ApiKeyManagement keys;

    public ApiKeyController(ApiKeyManagement keys) {
        this.keys = keys;
    }

    @Get
    public ApiKeyList list(@Parameter(hidden = true) Actor actor) {
        return new ApiKeyList(keys.list(actor).stream().map(ApiKeyView::of).toList());
    }

    @Get("/{id}")
    public ApiKeyBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new ApiKeyBody(ApiKeyView.of(keys.get(actor, id)));
    }

    /** The answer carries the full key in {@code apiKey.key}; it is never shown again. */
    @Post
    public HttpResponse<ApiKeyBody> create(@Parameter(hidden = true) Actor actor, @Body CreateApiKeyRequest body) {
        var issued = keys.create(actor, new NewApiKey(body.name(), body.role(), body.scopes(), body.expiresAt(),
                body.global(), body.tenantId(), body.extension()));
        return HttpResponse.status(HttpStatus.CREATED).body(new ApiKeyBody(ApiKeyView.of(issued)));
    }

    /** Replaces the key's secret; the old one stops working at once. */
    @Post("/{id}/regenerate")
    public ApiKeyBody regenerate(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new ApiKeyBody(ApiKeyView.of(keys.regenerate(actor, id)));
    }

    @Delete("/{id}")
    public RevokedBody revoke(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new RevokedBody("API key revoked", ApiKeyView.of(keys.revoke(actor, id)));
    }
}
