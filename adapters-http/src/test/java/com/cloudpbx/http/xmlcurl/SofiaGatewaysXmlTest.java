package com.cloudpbx.http.xmlcurl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.GatewaySettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SofiaGatewaysXmlTest {

    private static final String GATEWAYS =
            "/document[@type='freeswitch/xml']/section[@name='configuration']/configuration[@name='sofia.conf']"
                    + "/profiles/profile[@name='external']/gateways";

    @Test
    void eachGatewayCarriesItsParams() throws Exception {
        Document xml = parse(SofiaGatewaysXml.render(List.of(new GatewaySettings("trunk-1", "carrier",
                "sip.carrier.example:5061", "acme", "p@ss<word>", true, "tls", List.of("OPUS", "PCMU")))));

        String gateway = GATEWAYS + "/gateway[@name='trunk-1']";
        assertThat(param(xml, gateway, "realm")).isEqualTo("sip.carrier.example:5061");
        assertThat(param(xml, gateway, "proxy")).isEqualTo("sip.carrier.example:5061");
        assertThat(param(xml, gateway, "username")).isEqualTo("acme");
        assertThat(param(xml, gateway, "password")).isEqualTo("p@ss<word>");
        assertThat(param(xml, gateway, "register")).isEqualTo("true");
        assertThat(param(xml, gateway, "register-transport")).isEqualTo("tls");
        assertThat(param(xml, gateway, "caller-id-in-from")).isEqualTo("true");
        assertThat(text(xml, gateway + "/variables/variable[@name='absolute_codec_string']/@value"))
                .isEqualTo("OPUS,PCMU");
    }

    @Test
    void aGatewayWithoutCredentialsSaysNotUsed() throws Exception {
        Document xml = parse(SofiaGatewaysXml.render(List.of(new GatewaySettings("trunk-2", "ip-auth",
                "203.0.113.10", null, null, false, "udp", List.of("PCMU")))));

        String gateway = GATEWAYS + "/gateway[@name='trunk-2']";
        assertThat(param(xml, gateway, "username")).isEqualTo("not-used");
        assertThat(param(xml, gateway, "password")).isEqualTo("not-used");
        assertThat(param(xml, gateway, "register")).isEqualTo("false");
    }

    @Test
    void noTrunksIsAnEmptyGatewayList() throws Exception {
        Document xml = parse(SofiaGatewaysXml.render(List.of()));

        NodeList gateways = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(GATEWAYS + "/gateway", xml, XPathConstants.NODESET);
        assertThat(gateways.getLength()).isZero();
        assertThat(text(xml, "count(" + GATEWAYS + ")")).isEqualTo("1");
    }

    @Test
    void everyTrunkIsOneGateway() throws Exception {
        Document xml = parse(SofiaGatewaysXml.render(List.of(
                new GatewaySettings("trunk-a", "a", "a.example", "u", "p", true, "udp", List.of("PCMU")),
                new GatewaySettings("trunk-b", "b", "b.example", "u", "p", true, "tcp", List.of("PCMA")))));

        assertThat(text(xml, "count(" + GATEWAYS + "/gateway)")).isEqualTo("2");
    }

    private static String param(Document xml, String gateway, String name) throws Exception {
        return text(xml, gateway + "/param[@name='" + name + "']/@value");
    }

    private static String text(Document xml, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, xml);
    }

    private static Document parse(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
