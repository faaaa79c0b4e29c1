package com.cloudpbx.storage.kamailio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The precomputed digest credentials Kamailio's auth_db module reads from
 * {@code kamailio.subscriber}, so the SIP password itself need not be stored there.
 *
 * <ul>
 *   <li>{@code ha1 = md5("username:realm:password")}, used when the phone authenticates with its
 *       bare username;</li>
 *   <li>{@code ha1b = md5("username@domain:realm:password")}, used when it sends the username
 *       with the domain attached.</li>
 * </ul>
 * The realm is the tenant's SIP domain, as in Kamailio's default configuration. Both are lowercase
 * hex, the form Kamailio compares against.
 */
public record Ha1(String ha1, String ha1b) {

    public Ha1 {
        Objects.requireNonNull(ha1, "ha1");
        Objects.requireNonNull(ha1b, "ha1b");
    }

    public static Ha1 of(String username, String domain, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(password, "password");
        return new Ha1(
                md5Hex(username + ":" + domain + ":" + password),
                md5Hex(username + "@" + domain + ":" + domain + ":" + password));
    }

    private static String md5Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide MD5.
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    @Override
    public String toString() {
        // Each value is as good as the password for SIP digest authentication: keep it out of logs.
        return "Ha1[****]";
    }
}
