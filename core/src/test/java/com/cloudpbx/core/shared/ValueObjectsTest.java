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
    void extension_numbers_are_two_to_eight_digits(String number) {
        assertThat(ExtensionNumber.parse(number, "extension").value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "123456789", "12a4", "+1001", " ", "１２３"})
    void other_extension_numbers_are_refused(String number) {
        assertThatThrownBy(() -> ExtensionNumber.parse(number, "extension")).isInstanceOf(DomainException.class);
    }

    @Test
    void phone_numbers_are_normalised_to_e164() {
        assertThat(PhoneNumber.parse("+1 (650) 253-0000", "toNumber").e164()).isEqualTo("+16502530000");
        assertThat(PhoneNumber.parse("+44 20 7946 0958", "toNumber").e164()).isEqualTo("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+1", "+999999999999999999", "phone", "+1 555"})
    void numbers_that_cannot_be_phone_numbers_are_refused(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input, "toNumber")).isInstanceOf(DomainException.class);
    }

    @Test
    void subdomains_are_lowercased_dns_labels() {
        assertThat(Subdomain.parse(" Acme-Corp ", "subdomain").value()).isEqualTo("acme-corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", "acme-", "ac me", "a", "acme.corp", "acme_corp"})
    void other_subdomains_are_refused(String input) {
        assertThatThrownBy(() -> Subdomain.parse(input, "subdomain")).isInstanceOf(DomainException.class);
    }

    @Test
    void a_tenants_sip_domain_is_its_subdomain_under_the_platform_suffix() {
        assertThat(new SipDomains(".sip.example.com").domainFor(new Subdomain("acme"))).isEqualTo("acme.sip.example.com");
    }

    @Test
    void a_sip_domain_longer_than_a_registrar_keeps_is_refused() {
        var domains = new SipDomains("a-rather-long-platform-suffix.example.com");
        assertThatThrownBy(() -> domains.domainFor(new Subdomain("a-subdomain-that-is-quite-long")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void e_mail_addresses_compare_case_insensitively() {
        assertThat(EmailAddress.parse("Admin@Acme.COM", "email")).isEqualTo(EmailAddress.parse("admin@acme.com", "email"));
        assertThatThrownBy(() -> EmailAddress.parse("not-an-address", "email")).isInstanceOf(DomainException.class);
    }

    @Test
    void sip_passwords_are_printable_and_of_a_sane_length() {
        assertThat(SipPasswords.require("pass123", "password")).isEqualTo("pass123");
        assertThatThrownBy(() -> SipPasswords.require("short", "password")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SipPasswords.require("has space", "password")).isInstanceOf(DomainException.class);
    }

    @Test
    void voicemail_pins_are_four_to_six_digits() {
        assertThat(VoicemailPin.require("1234", "voicemailPin")).isEqualTo("1234");
        assertThatThrownBy(() -> VoicemailPin.require("123", "voicemailPin")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> VoicemailPin.require("1234567", "voicemailPin")).isInstanceOf(DomainException.class);
    }

    @Test
    void page_limits_default_to_fifty_and_are_capped_at_five_hundred() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.of(2, 10_000).limit()).isEqualTo(500);
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(40);
        assertThatThrownBy(() -> PageRequest.of(0, 10)).isInstanceOf(DomainException.class);
    }
}
