package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.routing.GatewaySettings;
import java.util.List;

/**
 * The {@code sofia.conf} configuration document: the {@code external} profile with one gateway per
 * active trunk, named {@code trunk-<id>} as the trunk commands address it. A gateway that does
 * not register still needs a username and password in sofia's eyes, hence {@code not-used}.
 */
final class SofiaGatewaysXml {

    static final String PROFILE = "external";
    private static final String NOT_USED = "not-used";

    private SofiaGatewaysXml() {
    }

    static String render(List<GatewaySettings> gateways) {
        var xml = new XmlDocument("configuration")
                .open("configuration", "name", "sofia.conf", "description", "sofia Endpoint")
                .open("profiles")
                .open("profile", "name", PROFILE)
                .open("gateways");
        for (GatewaySettings gateway : gateways) {
            xml.open("gateway", "name", gateway.gatewayName())
                    .empty("param", "name", "realm", "value", gateway.proxy())
                    .empty("param", "name", "proxy", "value", gateway.proxy())
                    .empty("param", "name", "username", "value", orNotUsed(gateway.username()))
                    .empty("param", "name", "password", "value", orNotUsed(gateway.password()))
                    .empty("param", "name", "register", "value", Boolean.toString(gateway.register()))
                    .empty("param", "name", "register-transport", "value", gateway.transport())
                    .empty("param", "name", "caller-id-in-from", "value", "true")
                    .open("variables")
                    .empty("variable", "name", "absolute_codec_string", "value", String.join(",", gateway.codecs()),
                            "direction", "outbound")
                    .empty("variable", "name", "voip_trunk", "value", gateway.trunkName())
                    .close("variables")
                    .close("gateway");
        }
        return xml.close("gateways").close("profile").close("profiles").close("configuration").render();
    }

    private static String orNotUsed(String value) {
        return value == null ? NOT_USED : value;
    }
}
