package com.cloudpbx.http.outbound;

import com.cloudpbx.core.webhooks.OutgoingDelivery;
import com.cloudpbx.core.webhooks.WebhookTarget;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An application context holding this package's beans alone, with the settings and host lookup a test gives. */
final class Outbound implements AutoCloseable {

    private final ApplicationContext context;

    private Outbound(ApplicationContext context) {
        this.context = context;
    }

    static Builder builder() {
        return new Builder();
    }

    MicronautWebhookSender sender() {
        return context.getBean(MicronautWebhookSender.class);
    }

    ApplicationContext context() {
        return context;
    }

    static OutgoingDelivery post(String url, Map<String, String> headers, String body) {
        return new OutgoingDelivery(new WebhookTarget(URI.create(url)), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static OutgoingDelivery post(String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return post(url, headers, "{\"event\":\"webhook.test\"}");
    }

    @Override
    public void close() {
        context.close();
    }

    static final class Builder {

        private final Map<String, Object> properties = new HashMap<>();
        private HostLookup lookup;

        Builder allowPrivateTargets(boolean allow) {
            properties.put("voip.webhooks.allow-private-targets", allow);
            return this;
        }

        /** The default ports and these. */
        Builder allowPorts(int... ports) {
            StringBuilder list = new StringBuilder("80,443,8080,8443");
            for (int port : ports) {
                list.append(',').append(port);
            }
            properties.put("voip.webhooks.allowed-ports", list.toString());
            return this;
        }

        Builder readTimeoutSeconds(int seconds) {
            properties.put("voip.webhooks.read-timeout-seconds", seconds);
            return this;
        }

        Builder connectTimeoutSeconds(int seconds) {
            properties.put("voip.webhooks.connect-timeout-seconds", seconds);
            return this;
        }

        Builder lookup(HostLookup scripted) {
            this.lookup = scripted;
            return this;
        }

        Outbound start() {
            var builder = ApplicationContext.builder()
                    .properties(properties)
                    .beanConfigurations(new OutboundOnly());
            if (lookup != null) {
                builder.singletons(lookup);
            }
            return new Outbound(builder.start());
        }
    }
}
