package com.cloudpbx.freeswitch.media;

import static com.cloudpbx.freeswitch.media.EslMediaServerFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.RecordedMediaEvents;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.esl.EslConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With several switches, new calls take turns and every command for a leg goes to the switch that has it. */
class EslMediaServerHostsTest {

    private static final String DOMAIN = "acme.sip.example.com";

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final RecordedMediaEvents events = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
    private final ScriptedFreeSwitch first = new ScriptedFreeSwitch(tenant.value(), DOMAIN, EslMediaServerFixture.PASSWORD);
    private final ScriptedFreeSwitch second = new ScriptedFreeSwitch(tenant.value(), DOMAIN, EslMediaServerFixture.PASSWORD);
    private EslMediaServer media;

    @BeforeEach
    void connectToBoth() {
        FreeSwitchHosts hosts = new FreeSwitchHosts(List.of(
                new EslConnection("127.0.0.1", first.start(), EslMediaServerFixture.PASSWORD),
                new EslConnection("127.0.0.1", second.start(), EslMediaServerFixture.PASSWORD)));
        media = new EslMediaServer(hosts, EslMediaServerFixture.settings(), Clock.systemUTC());
        media.listen(events);
        media.start();
        eventually(() -> media.resynchronisations() >= 2);
    }

    @AfterEach
    void disconnect() {
        media.close();
        first.close();
        second.close();
    }

    @Test
    void consecutiveCallsAreOriginatedOnDifferentSwitches() {
        media.originate(originate(UUID.randomUUID()));
        media.originate(originate(UUID.randomUUID()));

        assertThat(originates(first)).hasSize(1);
        assertThat(originates(second)).hasSize(1);
    }

    @Test
    void aCommandForALegGoesOnlyToTheSwitchTheLegLivesOn() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        media.originate(originate(a));
        media.originate(originate(b));
        events.await(ChannelCreated.class, a);
        events.await(ChannelCreated.class, b);
        ScriptedFreeSwitch hostOfA = originates(first).getFirst().contains(a.toString()) ? first : second;
        ScriptedFreeSwitch hostOfB = hostOfA == first ? second : first;

        media.hangup(a);

        assertThat(hostOfA.apiCommands()).contains("uuid_kill " + a);
        assertThat(hostOfB.apiCommands()).noneMatch(command -> command.startsWith("uuid_kill"));
    }

    private Originate originate(UUID uuid) {
        return new Originate(uuid, tenant, Destination.extension("1001", DOMAIN), Destination.extension("1002", DOMAIN),
                "1001", "Alice", Duration.ofSeconds(30));
    }

    private static List<String> originates(ScriptedFreeSwitch freeSwitch) {
        return freeSwitch.apiCommands().stream().filter(command -> command.startsWith("originate ")).toList();
    }
}
