package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a webhook posts: an absolute http or https URL with a host, on a port deliveries may use
 * (80, 443, 8080 and 8443 unless configured otherwise), without credentials in it. Whether the host's
 * addresses may be reached is decided at each delivery, by {@link TargetAddresses}.
 */
public record WebhookTarget(URI uri) {

    public static final int MAX_LENGTH = 2048;

    public WebhookTarget {
        Objects.requireNonNull(uri, "uri");
    }

    public static WebhookTarget parse(String value, Set<Integer> allowedPorts, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required: the http(s) URL to post events to");
        }
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DomainException.invalid(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainException.invalid(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainException.invalid(field, "may not carry credentials: send them in a custom header");
        }
        if (uri.getRawFragment() != null) {
            throw DomainException.invalid(field, "may not have a fragment");
        }
        int port = portOf(uri);
        if (!allowedPorts.contains(port)) {
            throw DomainException.invalid(field, "port " + port + " is not open to webhooks; allowed: "
                    + allowedPorts.stream().sorted().map(String::valueOf).toList());
        }
        return new WebhookTarget(uri);
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return portOf(uri);
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
