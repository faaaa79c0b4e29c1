package com.cloudpbx.storage.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Ha1Test {

    @Test
    void matchesThePublishedDigestExample() {
        // The worked example of HTTP digest authentication (RFC 2617, section 3.5).
        Ha1 credentials = Ha1.of("Mufasa", "testrealm@host.com", "Circle Of Life");

        assertThat(credentials.ha1()).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void hashesUserDomainAndPasswordTheWayKamailioDoes() throws Exception {
        Ha1 credentials = Ha1.of("1001", "acme.sip.example.com", "Xy7!pass");

        assertThat(credentials.ha1()).isEqualTo(md5("1001:acme.sip.example.com:Xy7!pass"));
        assertThat(credentials.ha1b()).isEqualTo(md5("1001@acme.sip.example.com:acme.sip.example.com:Xy7!pass"));
    }

    @Test
    void writesLowercaseHex() {
        Ha1 credentials = Ha1.of("1002", "acme.sip.example.com", "another");

        assertThat(credentials.ha1()).matches("[0-9a-f]{32}");
        assertThat(credentials.ha1b()).matches("[0-9a-f]{32}");
    }

    @Test
    void keepsTheDigestsOutOfItsStringForm() {
        Ha1 credentials = Ha1.of("1001", "acme.sip.example.com", "Xy7!pass");

        assertThat(credentials.toString()).doesNotContain(credentials.ha1()).doesNotContain(credentials.ha1b());
    }

    // Independent of the code under test: BigInteger formatting instead of HexFormat.
    private static String md5(String literal) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(literal.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
