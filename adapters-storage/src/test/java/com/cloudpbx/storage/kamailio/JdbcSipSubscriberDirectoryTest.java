package com.cloudpbx.storage.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.SipSubscriberDirectoryContract;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSipSubscriberDirectoryTest extends SipSubscriberDirectoryContract {

    private static final String ACME = "acme.sip.example.com";

    private final PostgresStorage storage = PostgresStorage.start();
    private final SipSubscriberDirectory directory = storage.bean(SipSubscriberDirectory.class);

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected SipSubscriberDirectory newDirectory() {
        storage.emptied();
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return storage.bean(Transactions.class);
    }

    /** Checks the password as Kamailio's auth_db does with a bare username: against the stored ha1. */
    @Override
    protected boolean registrarAccepts(String username, String domain, String password) {
        List<Map<String, Object>> found = storage.rows(
                "SELECT ha1 FROM kamailio.subscriber WHERE username = ? AND domain = ?", username, domain);
        try {
            return found.size() == 1 && md5(username + ":" + domain + ":" + password).equals(found.get(0).get("ha1"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void registerStoresDigestsKamailioCanCheckAndNoPassword() throws Exception {
        directory.register(new SipAccount("1001", ACME, "s3cret!Pw"));

        Map<String, Object> row = row("1001", ACME);
        assertThat(row.get("password")).isEqualTo("");
        assertThat(row.get("ha1")).isEqualTo(md5("1001:" + ACME + ":s3cret!Pw"));
        assertThat(row.get("ha1b")).isEqualTo(md5("1001@" + ACME + ":" + ACME + ":s3cret!Pw"));
    }

    @Test
    void aDomainWiderThanKamailiosColumnIsRefusedPlainly() {
        String wide = "a".repeat(60) + ".sip.example.com";

        assertThatThrownBy(() -> directory.register(new SipAccount("1001", wide, "pw-1001")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("SIP_ACCOUNT_TOO_LONG"));
        assertThat(rows(wide)).isEmpty();
    }

    private Map<String, Object> row(String username, String domain) {
        List<Map<String, Object>> found = storage.rows(
                "SELECT password, ha1, ha1b FROM kamailio.subscriber WHERE username = ? AND domain = ?",
                username, domain);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> rows(String domain) {
        return storage.rows("SELECT username FROM kamailio.subscriber WHERE domain = ? ORDER BY username", domain);
    }

    /** Computed here rather than with {@link Ha1}, so the test checks the stored digest independently. */
    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
