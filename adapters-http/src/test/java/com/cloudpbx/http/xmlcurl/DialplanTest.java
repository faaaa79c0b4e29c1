package com.cloudpbx.http.xmlcurl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteDecision.RingLeg;
import com.cloudpbx.core.routing.RouteDecision.RingStep;
import com.cloudpbx.core.shared.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The dialplan documents FreeSWITCH gets for each routing decision, read back as FreeSWITCH reads them. */
class DialplanTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("6f1c2a52-6d5e-4a8e-9d0a-3f4f1b2c3d4e"));
    private static final String DOMAIN = "acme.sip.example.com";
    private static final String DID = "+15550102000";

    @Test
    void aRingRendersOneBridgeWithCommasWithinAStepAndPipesBetweenSteps() {
        var ring = new RouteDecision.Ring(TENANT, DOMAIN, List.of(
                new RingStep(List.of(new RingLeg("1001", 0, 20), new RingLeg("1002", 5, 15))),
                new RingStep(List.of(new RingLeg("1003", 0, 20)))), new RouteDecision.Hangup(TENANT));

        List<String> actions = actions(render(ring));

        assertThat(actions).contains("set continue_on_fail=true", "set hangup_after_bridge=true");
        String bridge = actions.stream().filter(a -> a.startsWith("bridge ")).findFirst().orElseThrow();
        assertThat(bridge).endsWith("[leg_delay_start=0,leg_timeout=20,voip_extension=1001]user/1001@" + DOMAIN
                + ",[leg_delay_start=5,leg_timeout=15,voip_extension=1002]user/1002@" + DOMAIN
                + "|[leg_delay_start=0,leg_timeout=20,voip_extension=1003]user/1003@" + DOMAIN);
        assertThat(bridge).startsWith("bridge {voip_tenant=" + TENANT + ",").contains(",voip_direction=inbound,");
    }

    @Test
    void theNoAnswerRouteFollowsTheBridge() {
        var ring = new RouteDecision.Ring(TENANT, DOMAIN, List.of(new RingStep(List.of(new RingLeg("1001", 0, 20)))),
                new RouteDecision.Voicemail(TENANT, DOMAIN, "1002"));

        List<String> actions = actions(render(ring));

        assertThat(actions.subList(actions.indexOf(actions.stream().filter(a -> a.startsWith("bridge ")).findFirst()
                .orElseThrow()) + 1, actions.size()))
                .containsSubsequence("answer", "voicemail default " + DOMAIN + " 1002", "hangup NORMAL_CLEARING");
    }

    @Test
    void aQueueRunsMemberCallcenterForTheQueueThenItsTimeoutRoute() {
        UUID queue = UUID.randomUUID();
        var decision = new RouteDecision.EnterQueue(TENANT, DOMAIN, queue, "Support", 300, List.of(),
                new RouteDecision.Hangup(TENANT));

        assertThat(actions(render(decision)))
                .containsSubsequence("answer", "callcenter " + queue + "@" + DOMAIN, "hangup NORMAL_CLEARING");
    }

    @Test
    void aMenuRunsTheIvrApplicationThenTransfersToItsTimeoutDestination() {
        UUID menu = UUID.randomUUID();

        assertThat(actions(render(new RouteDecision.EnterMenu(TENANT, menu, "Main", 5, 3, 2))))
                .containsSubsequence("answer", "ivr voip-ivr-" + menu,
                        "transfer voip-ivr-" + menu + "-timeout-2 XML public");
    }

    @Test
    void aBlockedCallerIsDeclinedBeforeAnswer() {
        List<String> actions = actions(render(new RouteDecision.Reject(TENANT, RouteDecision.RejectReason.BLOCKED,
                "+15550001111")));

        assertThat(actions).containsExactly("set voip_route_refusal=blocked", "respond 603 Decline");
    }

    @Test
    void aConferenceJoinsTheTenantsRoom() {
        assertThat(actions(render(new RouteDecision.JoinConference(TENANT, "standup", "t123-standup"))))
                .containsSubsequence("answer", "conference t123-standup@default");
    }

    @Test
    void aPageCallsEachMemberIntoTheRoomToAnswerByItselfMuted() {
        List<String> actions = actions(render(new RouteDecision.Page(TENANT, DOMAIN, "t1-page-abc",
                List.of("1002", "1003"))));

        assertThat(actions).containsSubsequence("answer", "set conference_auto_outcall_flags=mute",
                "conference_set_auto_outcall user/1002@" + DOMAIN, "conference_set_auto_outcall user/1003@" + DOMAIN,
                "conference t1-page-abc@default+flags{endconf}");
        assertThat(actions).anySatisfy(action -> assertThat(action)
                .startsWith("set conference_auto_outcall_prefix={sip_auto_answer=true"));
    }

    private static String render(RouteDecision decision) {
        return Dialplan.render("public", DID, Optional.of(UUID.randomUUID()), Optional.empty(), decision);
    }

    /** Each action as "application data", in document order, from a namespace-free DOM parse. */
    private static List<String> actions(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element condition = (Element) document.getElementsByTagName("condition").item(0);
            assertThat(condition.getAttribute("expression")).isEqualTo("^\\+15550102000$");
            NodeList nodes = condition.getElementsByTagName("action");
            List<String> actions = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element action = (Element) nodes.item(i);
                String data = action.getAttribute("data");
                actions.add(data.isEmpty() ? action.getAttribute("application")
                        : action.getAttribute("application") + " " + data);
            }
            return actions;
        } catch (Exception e) {
            throw new AssertionError("not a well-formed dialplan document: " + xml, e);
        }
    }
}
