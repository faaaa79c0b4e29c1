package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.routing.GatewayConfiguration;
import com.cloudpbx.core.routing.SwitchConfiguration;
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

/**
 * mod_xml_curl's {@code configuration} binding: the module configurations the API owns, by
 * {@code key_value} (the file name): {@code sofia.conf} for the trunk gateways, {@code ivr.conf}
 * for the IVR menus, {@code callcenter.conf} for the queues; anything else gets the "not found"
 * document, so FreeSWITCH keeps its own file.
 */
@Controller("/freeswitch")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ConfigurationController {

    private final XmlCurlGuard guard;
    private final GatewayConfiguration gateways;
    private final SwitchConfiguration modules;
    private final boolean sofiaGateways;

    ConfigurationController(XmlCurlGuard guard, GatewayConfiguration gateways, SwitchConfiguration modules,
                            XmlCurlSettings settings) {
        this.sofiaGateways = settings.sofiaGateways();
        this.guard = guard;
        this.gateways = gateways;
        this.modules = modules;
    }

    @Post(value = "/configuration", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    public String configuration(HttpRequest<?> request, @Body Map<String, Object> form) {
        guard.admit(request);
        if (!"configuration".equalsIgnoreCase(field(form, "section").orElse(""))) {
            return XmlDocument.NOT_FOUND;
        }
        return switch (field(form, "key_value").orElse("")) {
            // Only the gateways, no profile settings: served when the operator asks for it.
            case "sofia.conf" -> sofiaGateways ? SofiaGatewaysXml.render(gateways.activeGateways())
                    : XmlDocument.NOT_FOUND;
            // The ivr application asks for the one menu it is about to play.
            case "ivr.conf" -> field(form, "Menu-Name").flatMap(modules::menu).map(SwitchConfigurationXml::ivr)
                    .orElse(XmlDocument.NOT_FOUND);
            case "callcenter.conf" -> SwitchConfigurationXml.callcenter(modules.queues());
            default -> XmlDocument.NOT_FOUND;
        };
    }

    /** A posted field; sent twice, its first value counts. */
    private static Optional<String> field(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            value = values.stream().findFirst().orElse(null);
        }
        return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
    }
}
