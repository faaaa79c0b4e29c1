package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.routing.DirectoryLookup;
import com.cloudpbx.core.routing.RouteCall;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteInbound;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * mod_xml_curl bindings: FreeSWITCH posts the lookup as form fields and takes the XML document
 * answered. Anonymous as far as API credentials go; {@link XmlCurlGuard} admits the media servers.
 * Anything we cannot answer gets the "not found" document, so FreeSWITCH rejects the
 * registration or the call rather than guessing.
 */
@Controller("/freeswitch")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class XmlCurlController {

    private final XmlCurlGuard guard;
    private final DirectoryLookup directory;
    private final RouteCall routing;
    private final RouteInbound inbound;

    XmlCurlController(XmlCurlGuard guard, DirectoryLookup directory, RouteCall routing, RouteInbound inbound) {
        this.guard = guard;
        this.directory = directory;
        this.routing = routing;
        this.inbound = inbound;
    }

    @Post(value = "/directory", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    public String directory(HttpRequest<?> request, @Body Map<String, Object> form) {
        guard.admit(request);
        var fields = new Form(form);
        if (!fields.is("section", "directory")) {
            return XmlDocument.NOT_FOUND;
        }
        // Registrations post user and domain; other lookups name the domain as key_value.
        Optional<String> domain = fields.get("domain").or(() -> fields.get("key_value"));
        Optional<String> user = fields.get("user");
        if (domain.isEmpty() || user.isEmpty()) {
            return XmlDocument.NOT_FOUND;
        }
        return directory.find(domain.get(), user.get()).map(DirectoryXml::render).orElse(XmlDocument.NOT_FOUND);
    }

    @Post(value = "/dialplan", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    public String dialplan(HttpRequest<?> request, @Body Map<String, Object> form) {
        guard.admit(request);
        var fields = new Form(form);
        Optional<String> context = fields.get("Hunt-Context").or(() -> fields.get("Caller-Context"));
        Optional<String> dialled = fields.get("Hunt-Destination-Number")
                .or(() -> fields.get("Caller-Destination-Number"));
        if (!fields.is("section", "dialplan") || context.isEmpty() || dialled.isEmpty()) {
            return XmlDocument.NOT_FOUND;
        }
        // Directory variables put voip_extension on an authenticated phone's channels; user_name is
        // what sofia sets on authentication itself.
        Optional<String> caller = fields.get("variable_voip_extension").or(() -> fields.get("variable_user_name"))
                .filter(ExtensionNumber::isValid);
        RouteDecision decision = inboundDecision(fields, dialled.get())
                .orElseGet(() -> routing.route(context.get(), caller, dialled.get()));
        if (decision instanceof RouteDecision.NotFound) {
            return XmlDocument.NOT_FOUND;
        }
        // A leg the API created already belongs to a call; a phone's new call is named after its leg.
        Optional<UUID> callUuid = fields.uuid("variable_voip_call_uuid").or(() -> fields.uuid("Unique-ID"));
        return Dialplan.render(context.get(), dialled.get(), callUuid, caller, decision);
    }

    /**
     * A call to a DID takes the DID's route, whoever dials it (a carrier or the tenant's own phone);
     * a key pressed in a menu, or its timeout, comes back as the menu's destination with the tenant
     * the first lookup set on the channel.
     */
    private Optional<RouteDecision> inboundDecision(Form fields, String dialled) {
        Optional<MenuDestination> menu = MenuDestination.parse(dialled);
        if (menu.isPresent()) {
            return fields.uuid("variable_" + Dialplan.TENANT).map(TenantId::of).map(tenant -> menu.get().timeout()
                    ? inbound.menuTimeout(tenant, menu.get().menuId(), menu.get().hops())
                    : inbound.menuKey(tenant, menu.get().menuId(), menu.get().key(), menu.get().hops()));
        }
        String caller = fields.get("Caller-Caller-ID-Number").orElse("");
        return inbound.find(dialled).map(did -> inbound.decide(did, caller));
    }

    /** The posted fields; a field sent twice counts with its first value. */
    private record Form(Map<String, Object> fields) {

        Optional<String> get(String name) {
            Object value = fields.get(name);
            if (value instanceof Collection<?> values) {
                value = values.stream().findFirst().orElse(null);
            }
            return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
        }

        boolean is(String name, String expected) {
            return get(name).filter(expected::equalsIgnoreCase).isPresent();
        }

        Optional<UUID> uuid(String name) {
            return get(name).flatMap(text -> {
                try {
                    return Optional.of(UUID.fromString(text));
                } catch (IllegalArgumentException notAUuid) {
                    return Optional.empty();
                }
            });
        }
    }
}
