package com.cloudpbx.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery's raw body for both verifying schemes receivers use:
 * <ul>
 *   <li>{@code X-Webhook-Signature: sha256=<hex>}, the HMAC-SHA256 of the raw body keyed by the
 *       secret as it is shown (its UTF-8 bytes), as {@code crypto.createHmac('sha256', secret)} does;</li>
 *   <li>Standard Webhooks' {@code webhook-signature: v1,<base64>}, the HMAC-SHA256 of
 *       {@code <webhook-id>.<webhook-timestamp>.<body>} keyed by the bytes the secret encodes
 *       ({@code whsec_<base64>}), so the scheme's own libraries verify it.</li>
 * </ul>
 * Each secret in use adds its signature to both headers, so a receiver still holding the previous
 * secret verifies deliveries while a rotation lasts.
 */
public final class WebhookSigner {

    /** Secrets are shown as this prefix and the base64 of their bytes. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    /**
     * @param secrets   every secret that signs now (see {@link WebhookSecrets}); at least one
     * @param id        the delivery's id ({@code webhook-id})
     * @param timestamp the delivery's time in epoch seconds ({@code webhook-timestamp})
     * @param body      the raw body, as sent
     */
    public WebhookSignature sign(List<String> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        byte[] signed = standardContent(id, timestamp, body);
        List<String> legacy = new ArrayList<>(secrets.size());
        List<String> standard = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            legacy.add("sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body)));
            standard.add("v1," + Base64.getEncoder().encodeToString(hmac(keyOf(secret), signed)));
        }
        return new WebhookSignature(String.join(",", legacy), String.join(" ", standard));
    }

    private static byte[] standardContent(String id, long timestamp, byte[] body) {
        if (id.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a delivery id has no '.'");
        }
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    /**
     * The key a {@code whsec_} secret encodes; a secret a client chose in another form keys the
     * standard scheme by its UTF-8 bytes, as it keys the {@code sha256=} one.
     */
    private static byte[] keyOf(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
