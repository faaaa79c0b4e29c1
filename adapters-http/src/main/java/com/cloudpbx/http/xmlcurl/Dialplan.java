package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.TenantTrunks;
import com.cloudpbx.core.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dialplan answer for one routed call: the context asked about (a tenant's SIP domain, or the
 * carriers' context for a DID) with one extension whose actions carry out the core's decision.
 *
 * <p>It follows the conventions the Event Socket adapter relies on, so calls phones place are
 * tracked like calls the API places: the {@code voip_*} channel variables on both legs, the sofia
 * gateway of the tenant's trunk and its valet lot {@code park-<tenant uuid without dashes>}.
 */
final class Dialplan {

    static final String TENANT = "voip_tenant";
    static final String CALL = "voip_call_uuid";
    static final String DIRECTION = "voip_direction";
    static final String EXTENSION = "voip_extension";
    static final String DESTINATION = "voip_destination";
    /** Set where a call enters a menu, for the menu's transfers: the resources passed and the context. */
    static final String HOPS = "voip_route_hops";
    static final String CONTEXT = "voip_route_context";

    /** Destinations of IVR keys: {@code voip-ivr-<menu id>-<key or "timeout">-<hops>}. */
    static final String MENU_PREFIX = "voip-ivr-";
    /** How long a paged phone may take to answer by itself before it counts as offline. */
    private static final int PAGE_RING_SECONDS = 10;
    private static final Map<RouteDecision.RejectReason, String> SIP_ANSWERS = Map.of(
            RouteDecision.RejectReason.BLOCKED, "603 Decline",
            RouteDecision.RejectReason.NOT_IN_SERVICE, "404 Not Found",
            RouteDecision.RejectReason.NOT_AVAILABLE, "503 Service Unavailable",
            RouteDecision.RejectReason.UNREACHABLE, "480 Temporarily Unavailable",
            RouteDecision.RejectReason.LOOP, "482 Loop Detected");

    private Dialplan() {
    }

    /**
     * {@code callUuid} groups the legs into one call; {@code caller} is the calling extension, when
     * the leg belongs to one. Both were validated by the caller of this method (a UUID, digits).
     */
    static String render(String context, String dialled, Optional<UUID> callUuid, Optional<String> caller,
                         RouteDecision decision) {
        XmlDocument xml = new XmlDocument("dialplan")
                .open("context", "name", context)
                .open("extension", "name", "voip-route")
                .open("condition", "field", "destination_number", "expression", "^" + literal(dialled) + "$");
        new Actions(xml, context, callUuid, caller, dialled).carryOut(decision);
        return xml.close("condition")
                .close("extension")
                .close("context")
                .render();
    }

    /** The destination an IVR menu's key (or its timeout) transfers to, routed on the next lookup. */
    static String menuDestination(UUID menuId, String key, int hops) {
        return MENU_PREFIX + menuId + "-" + key + "-" + hops;
    }

    /** The dialplan actions of one decision, followed by those of its fallback. */
    private record Actions(XmlDocument xml, String context, Optional<UUID> callUuid, Optional<String> caller,
                           String dialled) {

        void carryOut(RouteDecision decision) {
            switch (decision) {
                case RouteDecision.BridgeToExtension to -> {
                    Map<String, String> ours = ours(to.tenant(), callUuid, "internal", to.extension());
                    set(ours);
                    Map<String, String> callee = new LinkedHashMap<>(ours);
                    callee.put(EXTENSION, to.extension());
                    app("bridge", variables(callee) + "user/" + to.extension() + "@" + to.sipDomain());
                }
                case RouteDecision.PickUpParked pickUp -> {
                    set(ours(pickUp.tenant(), callUuid, "internal", pickUp.slot()));
                    app("valet_park", parkingLot(pickUp.tenant()) + " " + pickUp.slot());
                }
                case RouteDecision.Outbound out -> {
                    Map<String, String> ours = ours(out.tenant(), callUuid, "outbound", out.e164());
                    set(ours);
                    app("bridge", variables(ours) + "sofia/gateway/" + out.gateway() + "/" + out.e164());
                }
                case RouteDecision.Ring ring -> ring(ring);
                case RouteDecision.Voicemail box -> {
                    set(ours(box.tenant(), callUuid, "inbound", dialled));
                    app("answer", "");
                    app("voicemail", "default " + box.sipDomain() + " " + box.extension());
                    app("hangup", "NORMAL_CLEARING");
                }
                case RouteDecision.JoinConference conference -> {
                    set(ours(conference.tenant(), callUuid, "inbound", dialled));
                    app("answer", "");
                    app("conference", conference.room() + "@default");
                }
                case RouteDecision.EnterQueue queue -> {
                    set(ours(queue.tenant(), callUuid, "inbound", dialled));
                    app("answer", "");
                    app("callcenter", queue.queueId() + "@" + queue.sipDomain());
                    carryOut(queue.timeout());
                }
                case RouteDecision.EnterMenu menu -> {
                    set(ours(menu.tenant(), callUuid, "inbound", dialled));
                    app("set", HOPS + "=" + menu.hops());
                    app("set", CONTEXT + "=" + context);
                    app("answer", "");
                    app("ivr", MENU_PREFIX + menu.menuId());
                    app("transfer", menuDestination(menu.menuId(), "timeout", menu.hops()) + " XML " + context);
                }
                case RouteDecision.Reject reject -> {
                    app("set", "voip_route_refusal=" + reject.reason().name().toLowerCase(java.util.Locale.ROOT));
                    app("respond", SIP_ANSWERS.get(reject.reason()));
                }
                case RouteDecision.Page page -> page(page);
                case RouteDecision.Hangup ignored -> app("hangup", "NORMAL_CLEARING");
                case RouteDecision.NotFound notFound ->
                        throw new IllegalArgumentException("Nothing to render for " + notFound);
            }
        }

        /** One bridge: steps apart by {@code |}, legs of a step by {@code ,}; the fallback runs if it fails. */
        private void ring(RouteDecision.Ring ring) {
            Map<String, String> ours = ours(ring.tenant(), callUuid, "inbound", dialled);
            set(ours);
            app("set", "continue_on_fail=true");
            app("set", "hangup_after_bridge=true");
            String legs = ring.steps().stream()
                    .map(step -> step.legs().stream()
                            .map(leg -> "[leg_delay_start=" + leg.delaySeconds() + ",leg_timeout="
                                    + leg.timeoutSeconds() + "," + EXTENSION + "=" + leg.extension() + "]user/"
                                    + leg.extension() + "@" + ring.sipDomain())
                            .collect(Collectors.joining(",")))
                    .collect(Collectors.joining("|"));
            app("bridge", variables(ours) + legs);
            carryOut(ring.noAnswer());
        }

        /**
         * mod_conference's auto outcall: each member is called into the room as the caller joins,
         * its phone told to answer by itself, and listens muted; the room ends with the caller.
         */
        private void page(RouteDecision.Page page) {
            set(ours(page.tenant(), callUuid, "internal", dialled));
            app("answer", "");
            app("set", "conference_auto_outcall_timeout=" + PAGE_RING_SECONDS);
            app("set", "conference_auto_outcall_flags=mute");
            app("set", "conference_auto_outcall_prefix={sip_auto_answer=true,sip_h_Call-Info=answer-after=0,"
                    + TENANT + "=" + page.tenant().value() + "}");
            page.members().forEach(member ->
                    app("conference_set_auto_outcall", "user/" + member + "@" + page.sipDomain()));
            app("conference", page.room() + "@default+flags{endconf}");
        }

        /** The calling leg keeps its own extension; the callee's goes on the dialled leg only. */
        private void set(Map<String, String> variables) {
            variables.forEach((name, value) -> app("set", name + "=" + value));
            caller.ifPresent(extension -> app("set", EXTENSION + "=" + extension));
        }

        private void app(String application, String data) {
            if (data.isEmpty()) {
                xml.empty("action", "application", application);
            } else {
                xml.empty("action", "application", application, "data", data);
            }
        }
    }

    static String parkingLot(TenantId tenant) {
        return TenantTrunks.parkingLot(tenant);
    }

    private static Map<String, String> ours(TenantId tenant, Optional<UUID> callUuid, String direction,
                                            String destination) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(TENANT, tenant.value().toString());
        callUuid.ifPresent(uuid -> variables.put(CALL, uuid.toString()));
        variables.put(DIRECTION, direction);
        variables.put(DESTINATION, destination);
        return variables;
    }

    /** Variables for the dialled leg only; every value is a UUID, digits or an E.164 number, free of commas. */
    private static String variables(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The dialled number as a regular expression matching exactly itself. */
    private static String literal(String dialled) {
        StringBuilder out = new StringBuilder();
        dialled.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
