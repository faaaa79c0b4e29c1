package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signatures are checked as a receiver checks them, with HMAC-SHA256 computed here from the
 * two schemes' definitions rather than through {@link WebhookSigner}.
 */
class DeliveryHeadersTest {

    private static final UUID EVENT_ID = UUID.fromString("3b1f7c2e-9d4a-4e8b-8f1a-2c6d5e7f9a0b");
    private static final long TIMESTAMP = 1_772_360_000L;
    private static final String BODY = "{\"id\":\"3b1f7c2e-9d4a-4e8b-8f1a-2c6d5e7f9a0b\",\"event\":\"call.start\","
            + "\"data\":{\"caller\":\"Zoë\"}}";
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String PREVIOUS = "whsec_" + Base64.getEncoder().encodeToString(bytes(32, 2));

    private final DeliveryHeaders deliveryHeaders = new DeliveryHeaders(new WebhookSigner());

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content);
    }

    /** {@code X-Webhook-Signature}: the hex HMAC of the raw body keyed by the secret's UTF-8 text. */
    private static String legacy(String secret) throws Exception {
        return "sha256=" + HexFormat.of().formatHex(
                hmacSha256(secret.getBytes(StandardCharsets.UTF_8), BODY.getBytes(StandardCharsets.UTF_8)));
    }

    /** Standard Webhooks: base64 HMAC of {@code id.timestamp.body} keyed by the bytes after {@code whsec_}. */
    private static String standard(String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String content = EVENT_ID + "." + TIMESTAMP + "." + BODY;
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(key, content.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> headersOf(CustomHeaders custom, List<String> secrets) {
        return deliveryHeaders.of(WebhookFixtures.webhook(custom), WebhookFixtures.delivery(EVENT_ID, "call.start", BODY),
                secrets, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCustomHeadersComeFirstThenThePlatformsInAFixedOrder() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("X-Receiver-Token", "t-1");
        custom.put("Authorization", "Bearer abc");

        Map<String, String> headers = headersOf(WebhookFixtures.headers(custom), List.of(SECRET));

        assertThat(headers.keySet()).containsExactly("X-Receiver-Token", "Authorization", "Content-Type", "User-Agent",
                "X-Webhook-Event", "X-Webhook-Id", "X-Webhook-Timestamp", "X-Webhook-Signature", "webhook-id",
                "webhook-timestamp", "webhook-signature");
        assertThat(headers).containsEntry("X-Receiver-Token", "t-1").containsEntry("Authorization", "Bearer abc");
    }

    @Test
    void thePlatformHeadersNameTheEventItsIdTheTimeAndTheContent() {
        Map<String, String> headers = headersOf(CustomHeaders.NONE, List.of(SECRET));

        assertThat(headers)
                .containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "CloudPBX-Webhooks/1")
                .containsEntry("X-Webhook-Event", "call.start")
                .containsEntry("X-Webhook-Id", EVENT_ID.toString())
                .containsEntry("X-Webhook-Timestamp", Long.toString(TIMESTAMP))
                .containsEntry("webhook-id", EVENT_ID.toString())
                .containsEntry("webhook-timestamp", Long.toString(TIMESTAMP));
    }

    @Test
    void theLegacySignatureIsTheHexHmacOfTheBodyKeyedByTheSecretText() throws Exception {
        Map<String, String> headers = headersOf(CustomHeaders.NONE, List.of(SECRET));

        assertThat(headers.get("X-Webhook-Signature")).isEqualTo(legacy(SECRET));
    }

    @Test
    void theStandardSignatureIsTheBase64HmacOfIdTimestampAndBodyKeyedByTheDecodedSecret() throws Exception {
        Map<String, String> headers = headersOf(CustomHeaders.NONE, List.of(SECRET));

        assertThat(headers.get("webhook-signature")).isEqualTo(standard(SECRET));
    }

    @Test
    void whileTwoSecretsSignEachHeaderCarriesBothSignatures() throws Exception {
        Map<String, String> headers = headersOf(CustomHeaders.NONE, List.of(SECRET, PREVIOUS));

        assertThat(headers.get("X-Webhook-Signature").split(",")).containsExactly(legacy(SECRET), legacy(PREVIOUS));
        assertThat(headers.get("webhook-signature").split(" ")).containsExactly(standard(SECRET), standard(PREVIOUS));
    }
}
