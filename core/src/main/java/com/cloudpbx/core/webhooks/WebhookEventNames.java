package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events a webhook may subscribe to, in the order {@code supportedEvents} lists them. Events
 * of features that raise nothing yet (voicemail, recordings) are listed all the same: a webhook
 * subscribed to them receives them as soon as their feature raises them.
 */
public final class WebhookEventNames {

    /** Sent by {@code POST /api/webhooks/{id}/test} only; no webhook subscribes to it. */
    public static final String TEST = "webhook.test";

    public static final List<String> SUPPORTED = List.of(
            "call.start", "call.ringing", "call.answer", "call.bridge", "call.hold", "call.unhold", "call.park",
            "call.transfer", "call.end", "conference.join", "conference.leave", "presence.change",
            "queue.agent.login", "queue.agent.logout", "queue.agent.pause", "queue.agent.unpause",
            "voicemail.received", "recording.ready");

    private static final int MAX_EVENTS = SUPPORTED.size();

    private WebhookEventNames() {
    }

    /** The events asked for, each supported, at least one, duplicates dropped, in the order given. */
    public static Set<String> parse(List<String> events, String field) {
        if (events == null || events.isEmpty()) {
            throw DomainException.invalid(field, "must name at least one event of supportedEvents");
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || !SUPPORTED.contains(event)) {
                throw DomainException.invalid(field, "'" + event + "' is not a supported event; supported: "
                        + String.join(", ", SUPPORTED));
            }
            parsed.add(event);
        }
        if (parsed.size() > MAX_EVENTS) {
            throw DomainException.invalid(field, "names more events than exist");
        }
        return parsed;
    }
}
