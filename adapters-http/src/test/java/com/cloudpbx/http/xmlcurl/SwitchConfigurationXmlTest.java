package com.cloudpbx.http.xmlcurl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.CallQueue;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.IvrMenu;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.routing.SwitchConfiguration.QueueOnSwitch;
import com.cloudpbx.core.shared.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The ivr.conf and callcenter.conf documents, read back with the paths mod_dptools and mod_callcenter read. */
class SwitchConfigurationXmlTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final String DOMAIN = "acme.sip.example.com";
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final String IVR = "/document[@type='freeswitch/xml']/section[@name='configuration']"
            + "/configuration[@name='ivr.conf']/menus/menu";
    private static final String CALLCENTER = "/document[@type='freeswitch/xml']/section[@name='configuration']"
            + "/configuration[@name='callcenter.conf']";

    @Test
    void aMenuIsNamedByItsIdWithItsTimingAndATextGreetingSpokenByTts() throws Exception {
        IvrMenu menu = menu("Thanks for calling Acme.", List.of());

        Document xml = parse(SwitchConfigurationXml.ivr(menu));

        String path = IVR + "[@name='voip-ivr-" + menu.id() + "']";
        assertThat(text(xml, path + "/@greet-long")).isEqualTo("say:Thanks for calling Acme.");
        assertThat(text(xml, path + "/@timeout")).isEqualTo("7000");
        assertThat(text(xml, path + "/@max-failures")).isEqualTo("3");
        assertThat(text(xml, path + "/@max-timeouts")).isEqualTo("3");
        assertThat(text(xml, path + "/@tts-engine")).isEqualTo("flite");
    }

    @Test
    void aRecordingGreetingIsAFileOfTheRecordingsDirectory() throws Exception {
        UUID recording = UUID.randomUUID();

        Document xml = parse(SwitchConfigurationXml.ivr(menu("recording:" + recording, List.of())));

        assertThat(text(xml, IVR + "/@greet-long")).isEqualTo("$${recordings_dir}/greetings/" + recording + ".wav");
    }

    @Test
    void eachKeyTransfersToTheMenusDestinationForThatKey() throws Exception {
        IvrMenu menu = menu("Press 2", List.of(
                new IvrMenu.IvrOption("2", RouteTarget.resource(RouteAction.QUEUE, UUID.randomUUID())),
                new IvrMenu.IvrOption("#", RouteTarget.hangup())));

        Document xml = parse(SwitchConfigurationXml.ivr(menu));

        assertThat(text(xml, IVR + "/entry[@digits='2']/@action")).isEqualTo("menu-exec-app");
        assertThat(text(xml, IVR + "/entry[@digits='2']/@param"))
                .isEqualTo("transfer voip-ivr-" + menu.id() + "-2-${voip_route_hops} XML ${voip_route_context}");
        assertThat(text(xml, IVR + "/entry[@digits='#']/@param")).startsWith("transfer voip-ivr-" + menu.id() + "-#-");
    }

    @Test
    void aQueueCarriesItsStrategyMusicAndMaximumWait() throws Exception {
        QueueOnSwitch queue = queue(CallQueue.QueueStrategy.LONGEST_IDLE_AGENT, List.of());

        Document xml = parse(SwitchConfigurationXml.callcenter(List.of(queue)));

        String path = CALLCENTER + "/queues/queue[@name='" + queue.name() + "']";
        assertThat(text(xml, path + "/param[@name='strategy']/@value")).isEqualTo("longest-idle-agent");
        assertThat(text(xml, path + "/param[@name='moh-sound']/@value")).isEqualTo("local_stream://moh");
        assertThat(text(xml, path + "/param[@name='max-wait-time']/@value")).isEqualTo("120");
    }

    @Test
    void anAgentLoggedInAnywhereIsAvailableAndHasTiersOnlyWhereItIsLoggedIn() throws Exception {
        QueueOnSwitch sales = queue(CallQueue.QueueStrategy.RING_ALL,
                List.of(new Agent("1001", 2, 3, AgentStatus.AVAILABLE)));
        QueueOnSwitch support = queue(CallQueue.QueueStrategy.RING_ALL,
                List.of(new Agent("1001", 1, 1, AgentStatus.LOGGED_OUT)));

        Document xml = parse(SwitchConfigurationXml.callcenter(List.of(sales, support)));

        String agent = CALLCENTER + "/agents/agent[@name='1001@" + DOMAIN + "']";
        assertThat(text(xml, agent + "/@status")).isEqualTo("Available");
        assertThat(text(xml, agent + "/@contact")).isEqualTo("user/1001@" + DOMAIN);
        assertThat(nodes(xml, CALLCENTER + "/tiers/tier").getLength()).isEqualTo(1);
        assertThat(text(xml, CALLCENTER + "/tiers/tier/@queue")).isEqualTo(sales.name());
        assertThat(text(xml, CALLCENTER + "/tiers/tier/@level")).isEqualTo("2");
        assertThat(text(xml, CALLCENTER + "/tiers/tier/@position")).isEqualTo("3");
    }

    @Test
    void anAgentPausedEverywhereItIsLoggedInIsOnBreak() throws Exception {
        QueueOnSwitch queue = queue(CallQueue.QueueStrategy.RING_ALL,
                List.of(new Agent("1002", 1, 1, AgentStatus.PAUSED)));

        Document xml = parse(SwitchConfigurationXml.callcenter(List.of(queue)));

        assertThat(text(xml, CALLCENTER + "/agents/agent[@name='1002@" + DOMAIN + "']/@status")).isEqualTo("On Break");
    }

    private static IvrMenu menu(String greeting, List<IvrMenu.IvrOption> options) {
        return new IvrMenu(UUID.randomUUID(), TENANT, "Main", greeting, 7, 2, options, RouteTarget.hangup(), T0, T0);
    }

    private static QueueOnSwitch queue(CallQueue.QueueStrategy strategy, List<Agent> agents) {
        return new QueueOnSwitch(new CallQueue(UUID.randomUUID(), TENANT, "Support", strategy, 120,
                "local_stream://moh", RouteTarget.hangup(), agents, T0, T0), DOMAIN);
    }

    private static String text(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }

    private static NodeList nodes(Document xml, String path) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
    }

    private static Document parse(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
