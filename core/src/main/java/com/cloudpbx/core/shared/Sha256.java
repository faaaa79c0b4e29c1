package com.cloudpbx.core.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text, in hex: what in-memory throttles and caches key on, so that strings an
 * attacker chooses (addresses, account names) are not held as given and every key has one size.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
