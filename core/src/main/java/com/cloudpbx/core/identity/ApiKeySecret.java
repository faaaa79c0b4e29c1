package com.cloudpbx.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The full text of an API key: {@code csk_live_} and 32 random bytes, URL-safe base64. Keys have
 * 256 bits of entropy, so a fast SHA-256 is a safe store and makes each request one lookup.
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "csk_live_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("^csk_live_[A-Za-z0-9_-]{43}$");
    private static final String MASK = "••••••••";

    public ApiKeySecret {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an API key");
        }
    }

    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a presented credential is meant as an API key (as opposed to a JWT). */
    public static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    public static boolean isWellFormed(String credential) {
        return credential != null && SHAPE.matcher(credential).matches();
    }

    public String hash() {
        return hashOf(value);
    }

    public static String hashOf(String credential) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String last8() {
        return value.substring(value.length() - 8);
    }

    public static String preview(String last8) {
        return PREFIX + MASK + last8;
    }

    @Override
    public String toString() {
        return preview(last8());
    }
}
