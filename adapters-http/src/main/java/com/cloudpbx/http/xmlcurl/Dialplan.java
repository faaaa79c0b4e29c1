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
 * The dialplan answer for one routed call: a context named after the tenant's SIP domain with one
 * extension whose actions carry out the core's decision.
 *
 * <p>It follows the conventions the Event Socket adapter relies on, so calls phones place are
 * tracked like calls the API places: the {@code voip_*} channel variables on both legs, the
 * tenant's trunk as the sofia gateway {@code tenant-<tenant uuid>} and its valet lot
 * {@code park-<tenant uuid without dashes>}.
 */
final class Dialplan {

    static final String TENANT = "voip_tenant";
    static final String CALL = "voip_call_uuid";
    static final String DIRECTION = "voip_direction";
    static final String EXTENSION = "voip_extension";
    static final String DESTINATION = "voip_destination";

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
        switch (decision) {
            case RouteDecision.BridgeToExtension to -> {
                Map<String, String> ours = ours(to.tenant(), callUuid, "internal", to.extension());
                set(xml, ours, caller);
                Map<String, String> callee = new LinkedHashMap<>(ours);
                callee.put(EXTENSION, to.extension());
                xml.empty("action", "application", "bridge", "data",
                        variables(callee) + "user/" + to.extension() + "@" + to.sipDomain());
            }
            case RouteDecision.PickUpParked pickUp -> {
                set(xml, ours(pickUp.tenant(), callUuid, "internal", pickUp.slot()), caller);
                xml.empty("action", "application", "valet_park", "data",
                        parkingLot(pickUp.tenant()) + " " + pickUp.slot());
            }
            case RouteDecision.Outbound out -> {
                Map<String, String> ours = ours(out.tenant(), callUuid, "outbound", out.e164());
                set(xml, ours, caller);
                xml.empty("action", "application", "bridge", "data",
                        variables(ours) + "sofia/gateway/" + gateway(out.tenant()) + "/" + out.e164());
            }
            case RouteDecision.NotFound notFound ->
                    throw new IllegalArgumentException("Nothing to render for " + notFound);
        }
        return xml.close("condition")
                .close("extension")
                .close("context")
                .render();
    }

    static String gateway(TenantId tenant) {
        return TenantTrunks.gateway(tenant);
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

    /** The calling leg keeps its own extension; the callee's goes on the dialled leg only. */
    private static void set(XmlDocument xml, Map<String, String> variables, Optional<String> caller) {
        variables.forEach((name, value) -> xml.empty("action", "application", "set", "data", name + "=" + value));
        caller.ifPresent(extension -> xml.empty("action", "application", "set", "data", EXTENSION + "=" + extension));
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
