package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FreeSWITCH's mod_xml_curl asking the server for directory entries and dialplans, as it does:
 * form-encoded POSTs with the shared secret as the basic-auth password of its
 * {@code gateway-credentials}.
 */
class XmlCurlEndToEndTest {

    private static final String SECRET = "xml-curl-shared-secret";
    private static final String NOT_FOUND = "<result status=\"not found\"/>";

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture tenant;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        api = ApiServer.start(Map.of("voip.xmlcurl.secret", SECRET));
        platform = new Platform(api);
        tenant = platform.tenant();
        platform.extension(tenant, "1001", "alice-sip-pass");
        platform.extension(tenant, "1002", "bob-sip-pass");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aRegistrationLookupAnswersTheDigestOfThePasswordNeverThePassword() {
        HttpResponse<String> answer = post("/freeswitch/directory", SECRET, directoryLookup("1001"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
        assertThat(answer.body())
                .contains("<document type=\"freeswitch/xml\">", "<section name=\"directory\">",
                        "<domain name=\"" + tenant.sipDomain() + "\">", "<user id=\"1001\">",
                        "<param name=\"a1-hash\" value=\"" + md5("1001:" + tenant.sipDomain() + ":alice-sip-pass") + "\"/>",
                        "<variable name=\"user_context\" value=\"" + tenant.sipDomain() + "\"/>",
                        "<variable name=\"voip_tenant\" value=\"" + tenant.id() + "\"/>",
                        "<variable name=\"effective_caller_id_number\" value=\"1001\"/>",
                        "<variable name=\"effective_caller_id_name\" value=\"User 1001\"/>",
                        "name=\"dial-string\"")
                .doesNotContain("alice-sip-pass", "name=\"password\"");
    }

    @Test
    void anUnknownUserIsNotFound() {
        HttpResponse<String> answer = post("/freeswitch/directory", SECRET, directoryLookup("1999"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<section name=\"result\">", NOT_FOUND);
    }

    @Test
    void aDisabledExtensionIsNotFound() {
        String id = platform.extension(tenant, "1009", "carol-sip-pass").string("extension.id");
        var disabled = api.put("/api/extensions/" + id, Map.of("status", "disabled"), tenant.admin());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);

        assertThat(post("/freeswitch/directory", SECRET, directoryLookup("1009")).body()).contains(NOT_FOUND);
    }

    @Test
    void markupInADisplayNameArrivesEscaped() {
        String id = platform.extension(tenant, "1010", "dave-sip-pass").string("extension.id");
        var renamed = api.put("/api/extensions/" + id,
                Map.of("displayName", "Dave\"/><user id=\"6666\"><x a='&"), tenant.admin());
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);

        String body = post("/freeswitch/directory", SECRET, directoryLookup("1010")).body();

        assertThat(body).contains("value=\"Dave&quot;/&gt;&lt;user id=&quot;6666&quot;&gt;&lt;x a=&apos;&amp;\"")
                .doesNotContain("<user id=\"6666\">");
    }

    @Test
    void theSecretAlsoWorksAsAHeader() {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/freeswitch/directory"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XmlCurl-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(form(directoryLookup("1001")))).build();

        HttpResponse<String> answer = send(request);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<user id=\"1001\">");
    }

    @Test
    void aWrongSecretIsRefusedInTheApiErrorShape() {
        HttpResponse<String> answer = post("/freeswitch/directory", "not-the-secret", directoryLookup("1001"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"code\"").contains("FORBIDDEN").doesNotContain("a1-hash");
    }

    @Test
    void noSecretIsRefused() {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/freeswitch/dialplan"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(dialplanLookup("1001", "1002")))).build();

        assertThat(send(request).statusCode()).isEqualTo(403);
    }

    @Test
    void aCallToAnotherExtensionBridgesToItsUserOnTheTenantsDomain() {
        String body = post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "1002")).body();

        assertThat(body).contains("<section name=\"dialplan\">", "<context name=\"" + tenant.sipDomain() + "\">",
                "<action application=\"set\" data=\"voip_tenant=" + tenant.id() + "\"/>",
                "<action application=\"set\" data=\"voip_direction=internal\"/>",
                "<action application=\"set\" data=\"voip_extension=1001\"/>",
                "user/1002@" + tenant.sipDomain() + "\"/>",
                "voip_extension=1002");
    }

    @Test
    void aCallToAnE164NumberGoesOutThroughTheTenantsGateway() {
        String body = post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "+15551234567")).body();

        assertThat(body).contains("<action application=\"set\" data=\"voip_direction=outbound\"/>",
                "sofia/gateway/tenant-" + tenant.id() + "/+15551234567\"/>");
    }

    @Test
    void aCallToASlotHoldingAParkedCallPicksItUp() {
        api.bean(ParkSlots.class).claim(TenantId.of(UUID.fromString(tenant.id())), "701", UUID.randomUUID());

        String body = post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "701")).body();

        assertThat(body).contains("<action application=\"valet_park\" data=\"park-"
                + tenant.id().replace("-", "") + " 701\"/>");
    }

    @Test
    void aCarriersCallToADidRingsTheGroupItRoutesTo() {
        String group = api.post("/api/ring-groups", Map.of("name", "Front desk", "strategy", "sequential",
                "ringTimeout", 15, "members", java.util.List.of(Map.of("extension", "1001", "priority", 1),
                        Map.of("extension", "1002", "priority", 2))), tenant.admin()).string("ringGroup.id");
        api.post("/api/dids", Map.of("number", "+15550107000", "inboundRoute", "ring_group", "routeTarget", group),
                tenant.admin());

        String body = post("/freeswitch/dialplan", SECRET, carrierLookup("+15557654321", "15550107000")).body();

        assertThat(body).contains("<context name=\"public\">",
                "<action application=\"set\" data=\"voip_direction=inbound\"/>",
                "[leg_delay_start=0,leg_timeout=15,voip_extension=1001]user/1001@" + tenant.sipDomain()
                        + "|[leg_delay_start=0,leg_timeout=15,voip_extension=1002]user/1002@" + tenant.sipDomain(),
                "<action application=\"hangup\" data=\"NORMAL_CLEARING\"/>");
    }

    @Test
    void aDidForwardedOutsideLeavesThroughTheTenantsOwnTrunk() {
        TenantFixture other = platform.tenant();
        String trunk = api.post("/api/trunks", Map.of("name", "Carrier of " + other.id(), "tenantId", other.id(),
                "proxy", "sip.carrier.example", "register", false), platform.superadmin()).string("trunk.id");
        api.post("/api/dids", Map.of("number", "+15550107002", "inboundRoute", "external",
                "routeTarget", "+15557778888"), other.admin());

        String body = post("/freeswitch/dialplan", SECRET, carrierLookup("+15557654321", "+15550107002")).body();

        assertThat(body).contains("sofia/gateway/trunk-" + trunk + "/+15557778888\"/>");
    }

    @Test
    void aKeyPressedInAMenuIsRoutedByTheMenusOption() {
        String menu = api.post("/api/ivr-menus", Map.of("name", "Switchboard", "greeting", "Press 2 for Bob",
                "options", java.util.List.of(Map.of("digit", "2", "action", "extension", "target", "1002"))),
                tenant.admin()).string("ivrMenu.id");
        Map<String, String> lookup = carrierLookup("+15557654321", "voip-ivr-" + menu + "-2-1");
        lookup.put("variable_voip_tenant", tenant.id());

        String body = post("/freeswitch/dialplan", SECRET, lookup).body();

        assertThat(body).contains("voip_extension=1002]user/1002@" + tenant.sipDomain());
    }

    @Test
    void aBlockedCallerIsDeclined() {
        api.post("/api/blocklist", Map.of("number", "+15557650666", "direction", "inbound"), tenant.admin());
        api.post("/api/dids", Map.of("number", "+15550107001", "inboundRoute", "extension", "routeTarget", "1001"),
                tenant.admin());

        String body = post("/freeswitch/dialplan", SECRET, carrierLookup("+15557650666", "+15550107001")).body();

        assertThat(body).contains("<action application=\"respond\" data=\"603 Decline\"/>")
                .doesNotContain("bridge");
    }

    @Test
    void sofiaConfIsLeftToFreeSwitchUnlessTheOperatorAsksForTheGateways() {
        String body = post("/freeswitch/configuration", SECRET,
                Map.of("section", "configuration", "key_value", "sofia.conf")).body();

        assertThat(body).contains(NOT_FOUND);
    }

    @Test
    void aPhoneDiallingAPagingCodePagesTheOtherMembers() {
        api.post("/api/paging-groups", Map.of("name", "Everyone", "extensionCode", "*801",
                "members", java.util.List.of(Map.of("extension", "1001"), Map.of("extension", "1002"))), tenant.admin());

        String body = post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "*801")).body();

        assertThat(body).contains("<action application=\"conference_set_auto_outcall\" data=\"user/1002@"
                + tenant.sipDomain() + "\"/>").doesNotContain("user/1001@");
    }

    @Test
    void anUnknownDestinationIsNotFound() {
        assertThat(post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "1999")).body()).contains(NOT_FOUND);
        assertThat(post("/freeswitch/dialplan", SECRET, dialplanLookup("1001", "*98")).body()).contains(NOT_FOUND);
    }

    @Test
    void aContextThatIsNoTenantsDomainRoutesNothing() {
        Map<String, String> lookup = dialplanLookup("1001", "1002");
        lookup.put("Hunt-Context", "public");

        assertThat(post("/freeswitch/dialplan", SECRET, lookup).body()).contains(NOT_FOUND);
    }

    @Test
    void withoutAConfiguredSecretTheRoutesDoNotExist() {
        try (ApiServer disabled = ApiServer.start()) {
            var request = HttpRequest.newBuilder(URI.create(disabled.baseUrl() + "/freeswitch/directory"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", basic(""))
                    .POST(HttpRequest.BodyPublishers.ofString(form(directoryLookup("1001")))).build();

            assertThat(send(request).statusCode()).isEqualTo(404);
        }
    }

    /** The fields mod_xml_curl posts when a phone registers (a selection). */
    private static Map<String, String> directoryLookup(String user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hostname", "fs1");
        fields.put("section", "directory");
        fields.put("tag_name", "domain");
        fields.put("key_name", "name");
        fields.put("key_value", tenant.sipDomain());
        fields.put("Event-Name", "REQUEST_PARAMS");
        fields.put("Event-Calling-File", "sofia_reg.c");
        fields.put("action", "sip_auth");
        fields.put("sip_profile", "internal");
        fields.put("sip_user_agent", "Yealink SIP-T46U");
        fields.put("sip_auth_username", user);
        fields.put("sip_auth_realm", tenant.sipDomain());
        fields.put("sip_auth_method", "REGISTER");
        fields.put("user", user);
        fields.put("domain", tenant.sipDomain());
        return fields;
    }

    /** The fields mod_xml_curl posts when an authenticated phone places a call (a selection). */
    private static Map<String, String> dialplanLookup(String caller, String dialled) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hostname", "fs1");
        fields.put("section", "dialplan");
        fields.put("tag_name", "");
        fields.put("key_name", "");
        fields.put("key_value", "");
        fields.put("Event-Name", "REQUEST_PARAMS");
        fields.put("Unique-ID", UUID.randomUUID().toString());
        fields.put("Caller-Username", caller);
        fields.put("Caller-Caller-ID-Number", caller);
        fields.put("Caller-Destination-Number", dialled);
        fields.put("Caller-Context", tenant.sipDomain());
        fields.put("Hunt-Destination-Number", dialled);
        fields.put("Hunt-Context", tenant.sipDomain());
        fields.put("variable_user_name", caller);
        fields.put("variable_domain_name", tenant.sipDomain());
        fields.put("variable_voip_tenant", tenant.id());
        fields.put("variable_voip_extension", caller);
        return fields;
    }

    /** A call a carrier sends to a DID: the public context, an outside caller, no tenant yet. */
    private static Map<String, String> carrierLookup(String caller, String dialled) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("section", "dialplan");
        fields.put("Unique-ID", UUID.randomUUID().toString());
        fields.put("Caller-Caller-ID-Number", caller);
        fields.put("Caller-Destination-Number", dialled);
        fields.put("Caller-Context", "public");
        fields.put("Hunt-Destination-Number", dialled);
        fields.put("Hunt-Context", "public");
        return fields;
    }

    private HttpResponse<String> post(String path, String secret, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(secret))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("freeswitch:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
