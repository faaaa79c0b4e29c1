package com.cloudpbx.http.webhooks;

import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.webhooks.Delivery;
import com.cloudpbx.core.webhooks.DeliveryFilter;
import com.cloudpbx.core.webhooks.DeliveryStatus;
import com.cloudpbx.core.webhooks.NewWebhook;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookChanges;
import com.cloudpbx.core.webhooks.WebhookDeliveries;
import com.cloudpbx.core.webhooks.WebhookEventNames;
import com.cloudpbx.core.webhooks.WebhookManagement;
import com.cloudpbx.http.shared.JsonPatch;
import com.cloudpbx.http.shared.Message;
import com.cloudpbx.http.shared.Pagination;
import com.cloudpbx.http.webhooks.WebhookJson.CreateWebhookRequest;
import com.cloudpbx.http.webhooks.WebhookJson.DeliveryPage;
import com.cloudpbx.http.webhooks.WebhookJson.DeliveryView;
import com.cloudpbx.http.webhooks.WebhookJson.MessageWithDelivery;
import com.cloudpbx.http.webhooks.WebhookJson.MessageWithWebhook;
import com.cloudpbx.http.webhooks.WebhookJson.RotateSecretRequest;
import com.cloudpbx.http.webhooks.WebhookJson.TestBody;
import com.cloudpbx.http.webhooks.WebhookJson.UpdateWebhookRequest;
import com.cloudpbx.http.webhooks.WebhookJson.WebhookBody;
import com.cloudpbx.http.webhooks.WebhookJson.WebhookList;
import com.cloudpbx.http.webhooks.WebhookJson.WebhookView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
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
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The acting tenant's webhooks and their delivery log. Custom header values are shown only to
 * principals that may change webhooks; readers see {@code "********"}, since a header often carries
 * the receiver's own credential. The secret is shown only by create and rotate-secret.
 */
@Controller("/api/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Webhooks")
public class WebhooksController {

    private final WebhookManagement webhooks;
    private final WebhookDeliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;

    public WebhooksController(WebhookManagement webhooks, WebhookDeliveries deliveries, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** The webhooks and every event they may subscribe to; a superadmin in no tenant lists every tenant's. */
    @Get
    public WebhookList list(@Parameter(hidden = true) Actor actor) {
        var listing = webhooks.list(actor);
        boolean showValues = mayWrite(actor);
        return new WebhookList(listing.webhooks().stream()
                .map(w -> view(w, showValues, null, listing.spansTenants() ? listing.tenants().get(w.tenant()) : null))
                .toList(), WebhookEventNames.SUPPORTED);
    }

    @Get("/{id}")
    public WebhookBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new WebhookBody(view(webhooks.get(actor, id), mayWrite(actor), null, null));
    }

    /** The only answer, with rotate-secret's, that carries the secret: the receiver needs it to verify signatures. */
    @Post
    public HttpResponse<WebhookBody> create(@Parameter(hidden = true) Actor actor,
                                            @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                            @Content(schema = @Schema(implementation = CreateWebhookRequest.class)))
                                            JsonNode body) {
        JsonPatch fields = JsonPatch.of(body);
        var created = webhooks.create(actor, new NewWebhook(fields.string("name").orElse(null),
                fields.string("url").orElse(null), fields.strings("events").orElse(null),
                fields.string("secret").orElse(null), fields.stringMap("headers").orElse(null),
                fields.integer("maxRetries").orElse(null), fields.integer("retryDelaySeconds").orElse(null),
                fields.bool("active").orElse(null)));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new WebhookBody(view(created.webhook(), true, created.secret(), null)));
    }

    @Put("/{id}")
    public MessageWithWebhook update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                     @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                             schema = @Schema(implementation = UpdateWebhookRequest.class)))
                                     JsonNode body) {
        JsonPatch fields = JsonPatch.of(body);
        if (fields.has("secret")) {
            // A secret replaced in place would break every receiver at once; a rotation keeps the old one signing.
            throw DomainException.invalid("secret", "cannot be changed by an update: use POST /api/webhooks/"
                    + id + "/rotate-secret, which keeps the current secret signing for 24 hours");
        }
        var updated = webhooks.update(actor, id, new WebhookChanges(fields.string("name"), fields.string("url"),
                fields.strings("events"), fields.stringMap("headers"), fields.integer("maxRetries"),
                fields.integer("retryDelaySeconds"), fields.bool("active")));
        return new MessageWithWebhook("Webhook updated", view(updated, true, null, null));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        var deleted = webhooks.delete(actor, id);
        return new Message("Webhook '" + deleted.name() + "' deleted");
    }

    /**
     * Posts a {@code webhook.test} event now, whether the webhook is active or not, and answers with
     * what the receiver made of it: {@code success} is true when it answered 2xx.
     */
    @Post("/{id}/test")
    public TestBody test(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        Delivery delivery = deliveries.test(actor, id);
        boolean success = !delivery.attempts().isEmpty() && delivery.attempts().getLast().succeeded();
        String message;
        if (success) {
            message = "The receiver answered " + delivery.attempts().getLast().statusCode();
        } else if (delivery.attempts().isEmpty()) {
            message = "The test event could not be sent";
        } else {
            var attempt = delivery.attempts().getLast();
            message = attempt.statusCode() != null ? "The receiver answered " + attempt.statusCode()
                    : "The test event was not delivered: " + attempt.error();
        }
        return new TestBody(message, success, deliveryView(delivery));
    }

    /** The webhook's deliveries, newest first, optionally of one status and/or event. */
    @Get("/{id}/deliveries")
    public DeliveryPage deliveries(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                   @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                   @Parameter(description = "pending, delivered or failed")
                                   @Nullable @QueryValue String status,
                                   @Parameter(description = "an event name, e.g. call.end or webhook.test")
                                   @Nullable @QueryValue String event) {
        PageRequest request = PageRequest.of(page, limit);
        var filter = new DeliveryFilter(
                Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> DeliveryStatus.parse(s, "status")),
                Optional.ofNullable(event).filter(e -> !e.isBlank()));
        var found = deliveries.list(actor, id, filter, request);
        return new DeliveryPage(found.items().stream().map(this::deliveryView).toList(), Pagination.of(found));
    }

    /** Sends the delivery again with the same event id and body, as soon as a slot is free. */
    @Post("/{id}/deliveries/{deliveryId}/retry")
    public MessageWithDelivery retry(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                     @PathVariable UUID deliveryId) {
        Delivery delivery = deliveries.retry(actor, id, deliveryId);
        return new MessageWithDelivery("Delivery queued for another attempt", deliveryView(delivery));
    }

    /**
     * A new secret signs from now on (the one given, or a generated one); the current one keeps
     * signing beside it until {@code previous_secret_expires_at}, 24 hours on.
     */
    @Post("/{id}/rotate-secret")
    public WebhookBody rotateSecret(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                   @Body @Nullable @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                           required = false, content = @Content(
                                           schema = @Schema(implementation = RotateSecretRequest.class)))
                                   JsonNode body) {
        JsonPatch fields = JsonPatch.ofOptional(body);
        var rotated = webhooks.rotateSecret(actor, id, fields.string("secret").orElse(null));
        return new WebhookBody(view(rotated.webhook(), true, rotated.secret(), null));
    }

    private WebhookView view(Webhook webhook, boolean showHeaderValues, @Nullable String secret,
                             @Nullable Tenant spanningTenant) {
        return WebhookView.of(webhook, showHeaderValues, clock.instant(), secret, spanningTenant);
    }

    private DeliveryView deliveryView(Delivery delivery) {
        return DeliveryView.of(delivery, payload(delivery.body()));
    }

    /** The body as JSON, exactly as posted; the platform only ever posts JSON objects. */
    private Object payload(String body) {
        try {
            return json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException notJson) {
            return body;
        }
    }

    private static boolean mayWrite(Actor actor) {
        return actor.principal().may(Resource.WEBHOOKS, Access.WRITE);
    }
}
