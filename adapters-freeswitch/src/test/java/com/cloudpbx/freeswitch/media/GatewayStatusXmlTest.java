package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.GatewayStatus;
import org.junit.jupiter.api.Test;

class GatewayStatusXmlTest {

    @Test
    void readsStatusStateAndPingTimeOfALoadedGateway() {
        String reply = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <gateway>
                  <name>trunk-1</name>
                  <ping>1733560000</ping>
                  <pingfreq>30</pingfreq>
                  <pingtime>23.64</pingtime>
                  <state>REGED</state>
                  <status>UP</status>
                </gateway>
                """;

        assertThat(GatewayStatusXml.parse(reply)).isEqualTo(new GatewayStatus("UP", "REGED", 24));
    }

    @Test
    void aGatewayThatIsNotPingedHasNoPingTime() {
        String reply = "<gateway><pingtime>0.00</pingtime><state>NOREG</state><status>UP</status></gateway>";

        assertThat(GatewayStatusXml.parse(reply)).isEqualTo(new GatewayStatus("UP", "NOREG", null));
    }

    @Test
    void aFailedRegistrationIsReportedAsTheSwitchSaysIt() {
        String reply = "<gateway><state>FAIL_WAIT</state><status>DOWN</status></gateway>";

        assertThat(GatewayStatusXml.parse(reply)).isEqualTo(new GatewayStatus("DOWN", "FAIL_WAIT", null));
    }

    @Test
    void invalidGatewayMeansNotLoaded() {
        assertThat(GatewayStatusXml.parse("Invalid Gateway!\n")).isEqualTo(GatewayStatus.notLoaded());
    }

    @Test
    void missingFieldsAreUnknown() {
        assertThat(GatewayStatusXml.parse("<gateway><name>trunk-1</name></gateway>"))
                .isEqualTo(new GatewayStatus("UNKNOWN", "UNKNOWN", null));
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() {
        String reply = "<!DOCTYPE gateway [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><gateway>&x;</gateway>";

        assertThatThrownBy(() -> GatewayStatusXml.parse(reply)).isInstanceOf(IllegalArgumentException.class);
    }
}
