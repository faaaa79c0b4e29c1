package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import com.cloudpbx.freeswitch.esl.EslWire;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller controls the caller-id name its SIP phone or trunk sends, and FreeSWITCH passes it on
 * as it is. A call of a tenant deleted meanwhile makes PostgreSQL refuse its record, which the
 * server then logs in full; with CR/LF in the name, that log entry must stay one line and forge none. The
 * server runs as a process with its own (text) log configuration, against a fake FreeSWITCH.
 */
class CallerIdLogInjectionAttackTest {

    private static final String ESL_PASSWORD = "attack-esl-password";
    private static final String EMAIL = "root@injection.test";
    private static final String PASSWORD = "injection-superadmin-1";
    private static final String FORGED = "2026-01-01T00:00:00.000Z INFO  [main] c.c.a.Billing - refund of 5000 USD approved";

    private final FakeFreeSwitch freeSwitch = new FakeFreeSwitch(ESL_PASSWORD);

    @TempDir
    Path dataDir;

    @AfterEach
    void stopTheSwitch() {
        freeSwitch.close();
    }

    @Test
    void aCallerIdNameWithLineBreaksCannotForgeALogLine() {
        int port = freeSwitch.start();
        freeSwitch.answerBgapi(command -> Optional.of(command.startsWith("show channels") ? "{\"row_count\":0}\n" : "+OK\n"));
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of(
                "VOIP_FREESWITCH_HOSTS", "127.0.0.1:" + port + ":" + ESL_PASSWORD,
                "VOIP_SUPERADMIN_EMAIL", EMAIL, "VOIP_SUPERADMIN_PASSWORD", PASSWORD), dataDir.resolve("console.log"))) {
            String superadmin = superadminToken(server);
            String tenant = createTenant(server, superadmin);
            Eventually.value(() -> freeSwitch.connectedClients() == 1 ? Optional.of(true) : Optional.empty());
            Eventually.value(() -> server.send("GET", "/health", null).status() == 200 ? Optional.of(true) : Optional.empty());

            String deletedTenant = UUID.randomUUID().toString();
            callEnds(deletedTenant, UUID.randomUUID(), "Eve\r\n" + FORGED);
            Eventually.value(Duration.ofSeconds(20), () -> server.console().contains("refused a call record")
                    ? Optional.of(true) : Optional.empty());

            List<String> lines = server.console().lines().toList();
            assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
            assertThat(lines).filteredOn(line -> line.contains("refused a call record")).singleElement().asString()
                    .contains("Eve\\r\\n" + FORGED);
            UUID honest = UUID.randomUUID();
            callEnds(tenant, honest, "Bob");
            assertThat(Eventually.value(() -> recorded(server, superadmin, tenant, honest))).isTrue();
            assertThat(server.send("GET", "/health", null).status()).isEqualTo(200);
            server.sigterm();
            server.awaitExit(Duration.ofSeconds(15));
        }
    }

    private static String superadminToken(ServerProcess server) {
        Response login = server.send("POST", "/api/auth/superadmin-login", Map.of("email", EMAIL, "password", PASSWORD));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return login.string("token");
    }

    private static String createTenant(ServerProcess server, String superadmin) {
        Response tenant = server.send("POST", "/api/tenants", Map.of("companyName", "Injection Co",
                "subdomain", "injection", "adminEmail", "admin@injection.test", "adminPassword", "admin-password-1"),
                "Authorization", "Bearer " + superadmin);
        assertThat(tenant.status()).as(tenant.text()).isEqualTo(201);
        return tenant.string("tenant.id");
    }

    /** An inbound call to extension 1001 that the caller hangs up while it rings, as the switch reports it. */
    private void callEnds(String tenant, UUID leg, String callerIdName) {
        Instant now = Instant.now();
        Map<String, String> created = channel("CHANNEL_CREATE", tenant, leg, callerIdName, now);
        Map<String, String> hungUp = channel("CHANNEL_HANGUP_COMPLETE", tenant, leg, callerIdName,
                now.plus(2, ChronoUnit.SECONDS));
        hungUp.put("Hangup-Cause", "ORIGINATOR_CANCEL");
        hungUp.put("variable_duration", "2");
        hungUp.put("variable_billsec", "0");
        freeSwitch.send(EslWire.concat(EslWire.plainEventFrame(created, null), EslWire.plainEventFrame(hungUp, null)));
    }

    private static Map<String, String> channel(String name, String tenant, UUID leg, String callerIdName, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", name);
        headers.put("Event-Date-Timestamp", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)));
        headers.put("Unique-ID", leg.toString());
        headers.put("Caller-Caller-ID-Name", callerIdName);
        headers.put("Caller-Caller-ID-Number", "+15550001111");
        headers.put("Caller-Destination-Number", "1001");
        headers.put("variable_voip_tenant", tenant);
        headers.put("variable_voip_direction", "inbound");
        return headers;
    }

    private static Optional<Boolean> recorded(ServerProcess server, String superadmin, String tenant, UUID call) {
        Response calls = server.send("GET", "/api/calls?limit=100", null, "Authorization", "Bearer " + superadmin,
                "X-Tenant-ID", tenant);
        return calls.status() == 200 && calls.list("calls").stream().anyMatch(c -> call.toString().equals(c.get("call_uuid")))
                ? Optional.of(true) : Optional.empty();
    }
}
