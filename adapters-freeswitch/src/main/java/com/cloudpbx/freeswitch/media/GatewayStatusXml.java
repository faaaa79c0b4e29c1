package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.GatewayStatus;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the reply to {@code sofia xmlstatus gateway <name>}: a {@code <gateway>} element whose
 * {@code <status>} is UP or DOWN, {@code <state>} the registration state and {@code <pingtime>}
 * the last options ping in milliseconds; {@code Invalid Gateway!} for a gateway not loaded.
 */
final class GatewayStatusXml {

    private GatewayStatusXml() {
    }

    static GatewayStatus parse(String reply) {
        String text = reply == null ? "" : reply.strip();
        if (!text.startsWith("<")) {
            // "Invalid Gateway!" (or any other sentence): the profile has no such gateway.
            return GatewayStatus.notLoaded();
        }
        Element gateway = document(text).getDocumentElement();
        String status = upper(child(gateway, "status"), "UNKNOWN");
        String state = upper(child(gateway, "state"), "UNKNOWN");
        return new GatewayStatus(status, state, pingMs(gateway));
    }

    /** Pinged gateways report their last round trip; 0 means none was measured. */
    private static Integer pingMs(Element gateway) {
        String pingTime = child(gateway, "pingtime");
        if (pingTime == null) {
            return null;
        }
        try {
            double millis = Double.parseDouble(pingTime);
            return millis > 0 ? (int) Math.round(millis) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value.toUpperCase(Locale.ROOT);
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("unreadable gateway status: " + e.getMessage(), e);
        }
    }
}
