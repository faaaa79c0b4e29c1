package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.SipPasswords;
import com.cloudpbx.core.extensions.VoicemailPin;
import com.cloudpbx.core.tenants.SipDomains;
import com.cloudpbx.core.tenants.Subdomain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"10", "1001", "99999999"})
    void extensionNumbersAreTwoToEightDigits(String number) {
        assertThat(ExtensionNumber.parse(number, "extension").value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "123456789", "12a4", "+1001", " ", "１２３"})
    void otherExtensionNumbersAreRefused(String number) {
        assertThatThrownBy(() -> ExtensionNumber.parse(number, "extension")).isInstanceOf(DomainException.class);
    }

    @Test
    void phoneNumbersAreNormalisedToE164() {
        assertThat(PhoneNumber.parse("+1 (650) 253-0000", "toNumber").e164()).isEqualTo("+16502530000");
        assertThat(PhoneNumber.parse("+44 20 7946 0958", "toNumber").e164()).isEqualTo("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+1", "+999999999999999999", "phone", "+1 555"})
    void numbersThatCannotBePhoneNumbersAreRefused(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input, "toNumber")).isInstanceOf(DomainException.class);
    }

    @Test
    void subdomainsAreLowercasedDnsLabels() {
        assertThat(Subdomain.parse(" Acme-Corp ", "subdomain").value()).isEqualTo("acme-corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", "acme-", "ac me", "a", "acme.corp", "acme_corp"})
    void otherSubdomainsAreRefused(String input) {
        assertThatThrownBy(() -> Subdomain.parse(input, "subdomain")).isInstanceOf(DomainException.class);
    }

    @Test
    void aTenantsSipDomainIsItsSubdomainUnderThePlatformSuffix() {
        assertThat(new SipDomains(".sip.example.com").domainFor(new Subdomain("acme"))).isEqualTo("acme.sip.example.com");
    }

    @Test
    void aSipDomainLongerThanARegistrarKeepsIsRefused() {
        var domains = new SipDomains("a-rather-long-platform-suffix.example.com");
        assertThatThrownBy(() -> domains.domainFor(new Subdomain("a-subdomain-that-is-quite-long")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void eMailAddressesCompareCaseInsensitively() {
        assertThat(EmailAddress.parse("Admin@Acme.COM", "email")).isEqualTo(EmailAddress.parse("admin@acme.com", "email"));
        assertThatThrownBy(() -> EmailAddress.parse("not-an-address", "email")).isInstanceOf(DomainException.class);
    }

    @Test
    void sipPasswordsArePrintableAndOfASaneLength() {
        assertThat(SipPasswords.require("pass123", "password")).isEqualTo("pass123");
        assertThatThrownBy(() -> SipPasswords.require("short", "password")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SipPasswords.require("has space", "password")).isInstanceOf(DomainException.class);
    }

    @Test
    void voicemailPinsAreFourToSixDigits() {
        assertThat(VoicemailPin.require("1234", "voicemailPin")).isEqualTo("1234");
        assertThatThrownBy(() -> VoicemailPin.require("123", "voicemailPin")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> VoicemailPin.require("1234567", "voicemailPin")).isInstanceOf(DomainException.class);
    }

    @Test
    void pageLimitsDefaultToFiftyAndAreCappedAtFiveHundred() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.of(2, 10_000).limit()).isEqualTo(500);
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(40);
        assertThatThrownBy(() -> PageRequest.of(0, 10)).isInstanceOf(DomainException.class);
    }
}
