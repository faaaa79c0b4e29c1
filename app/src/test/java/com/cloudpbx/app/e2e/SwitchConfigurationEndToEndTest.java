package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * FreeSWITCH fetches module configurations from the configuration route: {@code sofia.conf} when
 * its external profile rescans (one gateway per active trunk, with the password it registers with),
 * {@code ivr.conf} for the menu a call enters, {@code callcenter.conf} when mod_callcenter loads.
 */
class SwitchConfigurationEndToEndTest {

    private static final String SECRET = "xml-curl-shared-secret";

    private static ApiServer api;
    private static Platform platform;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        api = ApiServer.start(Map.of("voip.xmlcurl.secret", SECRET, "voip.xmlcurl.sofia-gateways", "true"));
        platform = new Platform(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void sofiaConfHoldsAGatewayPerActiveTrunkWithItsDecryptedPassword() throws Exception {
        String active = trunk("active", "carrier-secret-1");

        Document sofia = xml(post(SECRET, Map.of("section", "configuration", "key_value", "sofia.conf")).body());

        String gateway = "//configuration[@name='sofia.conf']/profiles/profile[@name='external']/gateways/gateway"
                + "[@name='trunk-" + active + "']";
        assertThat(value(sofia, gateway + "/param[@name='password']/@value")).isEqualTo("carrier-secret-1");
        assertThat(value(sofia, gateway + "/param[@name='username']/@value")).isEqualTo("acme");
        assertThat(value(sofia, gateway + "/param[@name='proxy']/@value")).isEqualTo("sip.carrier.example:5060");
        assertThat(value(sofia, gateway + "/param[@name='realm']/@value")).isEqualTo("sip.carrier.example:5060");
        assertThat(value(sofia, gateway + "/param[@name='register']/@value")).isEqualTo("true");
        assertThat(value(sofia, gateway + "/param[@name='register-transport']/@value")).isEqualTo("udp");
        assertThat(value(sofia, gateway + "/param[@name='caller-id-in-from']/@value")).isEqualTo("true");
    }

    @Test
    void anInactiveTrunkHasNoGateway() throws Exception {
        String inactive = trunk("inactive", "carrier-secret-2");

        Document sofia = xml(post(SECRET, Map.of("section", "configuration", "key_value", "sofia.conf")).body());

        NodeList gateways = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//gateway[@name='trunk-" + inactive + "']", sofia, XPathConstants.NODESET);
        assertThat(gateways.getLength()).isZero();
    }

    @Test
    void ivrConfHoldsTheMenuTheSwitchAsksForByName() throws Exception {
        var tenant = platform.tenant();
        String menu = api.post("/api/ivr-menus", Map.of("name", "Main", "greeting", "Welcome to Acme",
                "options", java.util.List.of(Map.of("digit", "1", "action", "hangup"))), tenant.admin())
                .string("ivrMenu.id");

        Document ivr = xml(post(SECRET, Map.of("section", "configuration", "key_value", "ivr.conf",
                "Menu-Name", "voip-ivr-" + menu)).body());

        String path = "//configuration[@name='ivr.conf']/menus/menu[@name='voip-ivr-" + menu + "']";
        assertThat(value(ivr, path + "/@greet-long")).isEqualTo("say:Welcome to Acme");
        assertThat(value(ivr, path + "/entry[@digits='1']/@action")).isEqualTo("menu-exec-app");
    }

    @Test
    void ivrConfForAMenuThatDoesNotExistIsNotFound() throws Exception {
        HttpResponse<String> answer = post(SECRET, Map.of("section", "configuration", "key_value", "ivr.conf",
                "Menu-Name", "voip-ivr-" + java.util.UUID.randomUUID()));

        assertThat(answer.body()).contains("not found");
    }

    @Test
    void callcenterConfHoldsEveryActiveTenantsQueues() throws Exception {
        var tenant = platform.tenant();
        platform.extension(tenant, "1001", "sip-password-1001");
        String queue = api.post("/api/queues", Map.of("name", "Support",
                "agents", java.util.List.of(Map.of("extension", "1001"))), tenant.admin()).string("queue.id");

        Document callcenter = xml(post(SECRET, Map.of("section", "configuration", "key_value",
                "callcenter.conf")).body());

        String name = queue + "@" + tenant.sipDomain();
        assertThat(value(callcenter, "//configuration[@name='callcenter.conf']/queues/queue[@name='" + name
                + "']/param[@name='strategy']/@value")).isEqualTo("ring-all");
        assertThat(value(callcenter, "//agents/agent[@name='1001@" + tenant.sipDomain() + "']/@status"))
                .isEqualTo("Logged Out");
    }

    @Test
    void anotherConfigurationIsNotFound() throws Exception {
        HttpResponse<String> answer = post(SECRET, Map.of("section", "configuration", "key_value", "acl.conf"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<result status=\"not found\"/>");
    }

    @Test
    void aClientWithoutTheSecretIsRefused() throws Exception {
        HttpResponse<String> answer = post("not-the-secret",
                Map.of("section", "configuration", "key_value", "sofia.conf"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("gateway");
    }

    private static String trunk(String status, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "sofia-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("proxy", "sip.carrier.example:5060");
        body.put("username", "acme");
        body.put("password", password);
        body.put("status", status);
        Response created = api.post("/api/trunks", body, platform.superadmin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("trunk.id");
    }

    private HttpResponse<String> post(String secret, Map<String, String> fields) throws IOException,
            InterruptedException {
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        String form = ordered.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/freeswitch/configuration"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("freeswitch:" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document xml(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String value(Document document, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
    }
}
