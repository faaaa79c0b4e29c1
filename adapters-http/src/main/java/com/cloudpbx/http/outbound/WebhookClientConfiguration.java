package com.cloudpbx.http.outbound;

import io.micronaut.context.annotation.Bean;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The webhook client: every connection resolved by {@link TargetCheckingResolverGroup}, redirects
 * never followed (a receiver cannot send a delivery on to an address nobody checked), and error
 * statuses returned rather than thrown. Connections a receiver keeps open are used again: each was
 * made to an address checked when it was opened, and a new one looks the name up and checks it anew
 * (reuse makes an attempt to a local receiver take 4 ms instead of 16; see bench/webhooks.sh).
 * Typed as itself alone, so it never stands in for the default client configuration.
 */
@Singleton
@Bean(typed = WebhookClientConfiguration.class)
public class WebhookClientConfiguration extends HttpClientConfiguration {

    /** A bound on any response the client would gather whole; the sender reads only the start of a body. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    public WebhookClientConfiguration(WebhookTargetSettings settings) {
        setAddressResolverGroupName(TargetCheckingResolverGroup.NAME);
        setFollowRedirects(false);
        setExceptionOnErrorStatus(false);
        setConnectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()));
        // the TLS handshake is part of connecting: a receiver stalling it is given no longer
        getSslConfiguration().setHandshakeTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()));
        setReadTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()));
        setMaxContentLength(MAX_RESPONSE_BYTES);
        setHttpVersion(HttpVersion.HTTP_1_1);
        pool.setEnabled(true);
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
