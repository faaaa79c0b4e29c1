package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The expected signatures were computed apart from this code, with Node.js's crypto module as a
 * receiver would: {@code createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))} over
 * {@code id.timestamp.body} for Standard Webhooks (its specification's own example), and
 * {@code createHmac('sha256', secret)} over the body for {@code X-Webhook-Signature}.
 */
class WebhookSignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void theStandardWebhooksSignatureIsTheSpecificationsOwn() {
        WebhookSignature signature = signer.sign(List.of(SECRET), ID, TIMESTAMP, BODY);

        assertThat(signature.standard()).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theLegacySignatureIsTheHexHmacOfTheRawBodyKeyedByTheSecretAsShown() {
        WebhookSignature signature = signer.sign(List.of(SECRET), ID, TIMESTAMP, BODY);

        assertThat(signature.legacy())
                .isEqualTo("sha256=80ec8a89ce3cd22133a1066caecb4d04fea7467657c8514d717ec42c38a5c94c");
    }

    @Test
    void whileASecretIsRotatedBothSecretsSignEachHeader() {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        WebhookSignature signature = signer.sign(List.of(next, SECRET), ID, TIMESTAMP, BODY);

        assertThat(signature.standard().split(" ")).hasSize(2)
                .contains("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(signature.legacy().split(",")).hasSize(2)
                .contains("sha256=80ec8a89ce3cd22133a1066caecb4d04fea7467657c8514d717ec42c38a5c94c");
    }

    @Test
    void aChangedBodyChangesBothSignatures() {
        WebhookSignature original = signer.sign(List.of(SECRET), ID, TIMESTAMP, BODY);

        WebhookSignature changed = signer.sign(List.of(SECRET), ID, TIMESTAMP,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8));

        assertThat(changed.standard()).isNotEqualTo(original.standard());
        assertThat(changed.legacy()).isNotEqualTo(original.legacy());
    }

    @Test
    void aChangedTimestampChangesTheStandardSignature() {
        WebhookSignature original = signer.sign(List.of(SECRET), ID, TIMESTAMP, BODY);

        assertThat(signer.sign(List.of(SECRET), ID, TIMESTAMP + 1, BODY).standard()).isNotEqualTo(original.standard());
    }

    @Test
    void aSecretAClientChoseWithoutThePrefixKeysTheStandardSchemeByItsText() throws Exception {
        String chosen = "a-shared-secret-of-our-own-choosing";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(chosen.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ID + "." + TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY));

        assertThat(signer.sign(List.of(chosen), ID, TIMESTAMP, BODY).standard()).isEqualTo(expected);
    }

    @Test
    void aDeliveryIsSignedWithAtLeastOneSecret() {
        assertThatThrownBy(() -> signer.sign(List.of(), ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
