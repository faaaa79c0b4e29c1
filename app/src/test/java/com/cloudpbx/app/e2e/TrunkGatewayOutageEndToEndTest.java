package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.core.routing.port.TrunkGateways;
import com.cloudpbx.freeswitch.media.EslTrunkGateways;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With FreeSWITCH configured but out of reach, trunks stay manageable: reads answer without a
 * gateway status, and only an explicit sync reports the outage.
 */
class TrunkGatewayOutageEndToEndTest {

    /** Nothing listens there: the Event Socket client keeps reconnecting. */
    private static final String UNREACHABLE = "127.0.0.1:9";

    private static ApiServer api;
    private static Credential superadmin;
    private static String trunk;

    @BeforeAll
    static void start() {
        api = ApiServer.start(Map.of("voip.freeswitch.hosts", UNREACHABLE + ":s3cret"));
        superadmin = new Platform(api).superadmin();
        Response created = api.post("/api/trunks", Map.of("name", "outage-" + UUID.randomUUID().toString()
                .substring(0, 8), "proxy", "sip.carrier.example", "username", "acme", "password", "secret-1"),
                superadmin);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        trunk = created.string("trunk.id");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void freeSwitchHostsSelectTheEventSocketGateways() {
        assertThat(api.bean(TrunkGateways.class)).isInstanceOf(EslTrunkGateways.class);
    }

    @Test
    void listAndGetAnswerWithANullGatewayStatus() {
        Response listed = api.get("/api/trunks", superadmin);
        Response got = api.get("/api/trunks/" + trunk, superadmin);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("trunks")).allSatisfy(row -> assertThat(row).containsEntry("gatewayStatus", null));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.object("trunk")).containsEntry("gatewayStatus", null);
    }

    @Test
    void syncIsUnavailable() {
        Response synced = api.post("/api/trunks/" + trunk + "/sync", Map.of(), superadmin);

        assertThat(synced.status()).as(synced.text()).isEqualTo(503);
        assertThat(synced.string("code")).isEqualTo("MEDIA_SERVER_UNAVAILABLE");
    }
}
