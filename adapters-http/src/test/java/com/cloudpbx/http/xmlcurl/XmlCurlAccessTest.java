package com.cloudpbx.http.xmlcurl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.http.xmlcurl.XmlCurlAccess.Verdict;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class XmlCurlAccessTest {

    private final XmlCurlAccess access = XmlCurlAccess.configured("s3cret", "10.1.0.0/16, 192.0.2.7");

    @Test
    void anAllowedAddressWithTheSecretAsBasicAuthPasswordIsAllowed() throws UnknownHostException {
        assertThat(access.decide(ip("10.1.200.3"), basic("freeswitch", "s3cret"), null)).isEqualTo(Verdict.ALLOWED);
        assertThat(access.decide(ip("192.0.2.7"), null, "s3cret")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aWrongOrMissingSecretIsRefused() throws UnknownHostException {
        assertThat(access.decide(ip("10.1.0.1"), basic("freeswitch", "guess"), null)).isEqualTo(Verdict.REFUSED);
        assertThat(access.decide(ip("10.1.0.1"), "Basic not-base64!", null)).isEqualTo(Verdict.REFUSED);
        assertThat(access.decide(ip("10.1.0.1"), null, null)).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void anAddressOutsideTheListIsRefusedEvenWithTheSecret() throws UnknownHostException {
        assertThat(access.decide(ip("10.2.0.1"), null, "s3cret")).isEqualTo(Verdict.REFUSED);
        assertThat(access.decide(ip("127.0.0.1"), null, "s3cret")).isEqualTo(Verdict.REFUSED);
        assertThat(access.decide(null, null, "s3cret")).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void withoutAListOnlyLoopbackIsAllowed() throws UnknownHostException {
        XmlCurlAccess local = XmlCurlAccess.configured("s3cret", "");

        assertThat(local.decide(ip("127.0.0.1"), null, "s3cret")).isEqualTo(Verdict.ALLOWED);
        assertThat(local.decide(ip("::1"), null, "s3cret")).isEqualTo(Verdict.ALLOWED);
        assertThat(local.decide(ip("10.1.0.1"), null, "s3cret")).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void withoutASecretTheRoutesAreDisabled() throws UnknownHostException {
        assertThat(XmlCurlAccess.configured("", "").decide(ip("127.0.0.1"), null, "")).isEqualTo(Verdict.DISABLED);
        assertThat(XmlCurlAccess.configured(null, null).decide(ip("127.0.0.1"), null, null))
                .isEqualTo(Verdict.DISABLED);
    }

    @Test
    void markupCharactersAreEscaped() {
        assertThat(Xml.escape("a\"b'<c>&d\u0001e")).isEqualTo("a&quot;b&apos;&lt;c&gt;&amp;de");
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
