package com.cloudpbx.core.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.shared.port.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SipSubscriberDirectory} must do; adapters extend this with their own
 * directory. The port only writes, so the adapter answers for the registrar that reads it.
 */
public abstract class SipSubscriberDirectoryContract {

    private static final String ACME = "acme.sip.example.com";
    private static final String GLOBEX = "globex.sip.example.com";

    private SipSubscriberDirectory directory;

    /** A directory holding no accounts. */
    protected abstract SipSubscriberDirectory newDirectory();

    /** The transactions the directory's writes join. */
    protected abstract Transactions transactions();

    /** Whether the registrar would let a phone sign in with this username, domain and password. */
    protected abstract boolean registrarAccepts(String username, String domain, String password);

    @BeforeEach
    void anEmptyDirectory() {
        directory = newDirectory();
    }

    @Test
    void aRegisteredAccountSignsIn() {
        directory.register(new SipAccount("1001", ACME, "s3cret!Pw"));

        assertThat(registrarAccepts("1001", ACME, "s3cret!Pw")).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        directory.register(new SipAccount("1001", ACME, "s3cret!Pw"));

        assertThat(registrarAccepts("1001", ACME, "s3cret!pw")).isFalse();
    }

    @Test
    void anAccountNeverRegisteredDoesNotSignIn() {
        assertThat(registrarAccepts("1001", ACME, "s3cret!Pw")).isFalse();
    }

    @Test
    void registeringAgainReplacesThePassword() {
        directory.register(new SipAccount("1001", ACME, "first-pw"));

        directory.register(new SipAccount("1001", ACME, "second-pw"));

        assertThat(registrarAccepts("1001", ACME, "second-pw")).isTrue();
        assertThat(registrarAccepts("1001", ACME, "first-pw")).isFalse();
    }

    @Test
    void theSameNumberInAnotherDomainIsAnotherAccount() {
        directory.register(new SipAccount("1001", ACME, "acme-pw"));
        directory.register(new SipAccount("1001", GLOBEX, "globex-pw"));

        assertThat(registrarAccepts("1001", ACME, "acme-pw")).isTrue();
        assertThat(registrarAccepts("1001", GLOBEX, "globex-pw")).isTrue();
        assertThat(registrarAccepts("1001", GLOBEX, "acme-pw")).isFalse();
    }

    @Test
    void unregisterRemovesThatAccountOnly() {
        directory.register(new SipAccount("1001", ACME, "pw-1001"));
        directory.register(new SipAccount("1002", ACME, "pw-1002"));
        directory.register(new SipAccount("1001", GLOBEX, "pw-1001"));

        directory.unregister("1001", ACME);

        assertThat(registrarAccepts("1001", ACME, "pw-1001")).isFalse();
        assertThat(registrarAccepts("1002", ACME, "pw-1002")).isTrue();
        assertThat(registrarAccepts("1001", GLOBEX, "pw-1001")).isTrue();
    }

    @Test
    void unregisteringAnAccountNeverRegisteredChangesNothing() {
        directory.register(new SipAccount("1001", ACME, "pw-1001"));

        directory.unregister("9999", ACME);

        assertThat(registrarAccepts("1001", ACME, "pw-1001")).isTrue();
    }

    @Test
    void unregisterDomainRemovesEveryAccountOfThatDomainOnly() {
        directory.register(new SipAccount("1001", ACME, "pw-1001"));
        directory.register(new SipAccount("1002", ACME, "pw-1002"));
        directory.register(new SipAccount("1001", GLOBEX, "pw-1001"));

        directory.unregisterDomain(ACME);

        assertThat(registrarAccepts("1001", ACME, "pw-1001")).isFalse();
        assertThat(registrarAccepts("1002", ACME, "pw-1002")).isFalse();
        assertThat(registrarAccepts("1001", GLOBEX, "pw-1001")).isTrue();
    }

    @Test
    void aRegistrationInATransactionThatFailsIsUndone() {
        assertThatThrownBy(() -> transactions().run(() -> {
            directory.register(new SipAccount("1001", ACME, "pw-1001"));
            throw new IllegalStateException("the extension could not be saved");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registrarAccepts("1001", ACME, "pw-1001")).isFalse();
    }

    @Test
    void anUnregistrationInATransactionThatFailsIsUndone() {
        directory.register(new SipAccount("1001", ACME, "pw-1001"));

        assertThatThrownBy(() -> transactions().run(() -> {
            directory.unregisterDomain(ACME);
            throw new IllegalStateException("the tenant could not be deleted");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registrarAccepts("1001", ACME, "pw-1001")).isTrue();
    }
}
