package com.cloudpbx.core.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HTTP digest's A1 for a SIP account (RFC 2617 with MD5): {@code md5(user:realm:password)} in
 * lower-case hex. FreeSWITCH uses the tenant's SIP domain as the realm.
 */
final class DigestA1 {

    private DigestA1() {
    }

    static String of(String user, String realm, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5.
            throw new IllegalStateException(e);
        }
    }
}
