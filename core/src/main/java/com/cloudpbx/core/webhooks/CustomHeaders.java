package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.DomainException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers a webhook adds to each delivery (a receiver's own token, say). They may not replace
 * what identifies and verifies a delivery — the signature, id, timestamp and event headers of both
 * schemes, the content type — nor the headers HTTP itself manages.
 */
public record CustomHeaders(Map<String, String> values) {

    public static final int MAX_HEADERS = 20;
    public static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final Set<String> RESERVED = Set.of("x-webhook-signature", "x-webhook-id", "x-webhook-event",
            "x-webhook-timestamp", "webhook-id", "webhook-timestamp", "webhook-signature", "content-type",
            "content-length", "content-encoding", "transfer-encoding", "host", "connection", "upgrade", "te",
            "trailer", "expect", "keep-alive", "proxy-authorization", "proxy-connection", "user-agent");

    public static final CustomHeaders NONE = new CustomHeaders(Map.of());

    public CustomHeaders {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CustomHeaders parse(Map<String, String> given, String field) {
        if (given == null || given.isEmpty()) {
            return NONE;
        }
        if (given.size() > MAX_HEADERS) {
            throw DomainException.invalid(field, "may hold at most " + MAX_HEADERS + " headers");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (var header : given.entrySet()) {
            String name = header.getKey();
            if (name == null || !NAME.matcher(name).matches()) {
                throw DomainException.invalid(field, "'" + name + "' is not a header name");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw DomainException.invalid(field, name + " is set by the platform on every delivery and cannot be"
                        + " replaced");
            }
            String value = header.getValue() == null ? "" : header.getValue();
            if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw DomainException.invalid(field, name + " must be at most " + MAX_VALUE_LENGTH
                        + " characters without line breaks or control characters");
            }
            if (parsed.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                throw DomainException.invalid(field, name + " is given twice");
            }
            parsed.put(name, value);
        }
        return new CustomHeaders(parsed);
    }
}
