package com.cloudpbx.freeswitch.media;

import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.A;
import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.CALLEE;
import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.CALLER;
import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.DOMAIN;
import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.FS;
import static com.cloudpbx.freeswitch.media.EslEventTranslatorTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.RecordedMediaEvents;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.simulated.SimulatedSwitch;
import com.cloudpbx.freeswitch.simulated.SimulationSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The FreeSWITCH adapter reports a call the way the simulated switch does. */
class OriginateScenarioTest {

    private final EslEventTranslator translator = new EslEventTranslator();

    /** What FreeSWITCH sends for {@code originate ... user/1001 &bridge(user/1002)} answered on both sides. */
    private static List<Map<String, String>> successfulOriginate() {
        return List.of(
                FS.create(CALLER, 0),
                FS.progress(CALLER, 40_000),
                FS.answer(CALLER, 2_100_000),
                FS.event("CHANNEL_EXECUTE", CALLER, 2_101_000),
                FS.create(CALLEE, 2_102_000),
                FS.event("CHANNEL_OUTGOING", CALLEE, 2_102_500),
                FS.progress(CALLEE, 2_150_000),
                FS.answer(CALLEE, 4_300_000),
                FS.event("CALL_UPDATE", CALLER, 4_300_200),
                FS.bridge("CHANNEL_BRIDGE", CALLER, CALLEE, 4_301_000));
    }

    @Test
    void aSuccessfulOriginateGivesTheSameEventKindsInTheSameOrderAsTheSimulatedSwitch() {
        List<Class<?>> fromFreeSwitch = successfulOriginate().stream()
                .flatMap(headers -> translator.translate(headers).stream())
                .<Class<?>>map(Object::getClass).toList();

        assertThat(fromFreeSwitch).isEqualTo(simulatedOriginate());
    }

    @Test
    void aSuccessfulOriginateReportsEachEventForTheRightLeg() {
        List<String> timeline = successfulOriginate().stream()
                .flatMap(headers -> translator.translate(headers).stream())
                .map(event -> event.getClass().getSimpleName() + " " + (event.uuid().equals(A) ? "A" : "B"))
                .toList();

        assertThat(timeline).containsExactly(
                "ChannelCreated A", "ChannelRinging A", "ChannelAnswered A",
                "ChannelCreated B", "ChannelRinging B", "ChannelAnswered B",
                "ChannelBridged A", "ChannelBridged B");
    }

    @Test
    void theCommandThatStartsTheScenarioNamesTheCallersLegAsTheEventsDo() {
        Originate originate = new Originate(A, TenantId.of(TENANT), Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), "1001", "Alice Smith", Duration.ofSeconds(30));

        String command = new EslCommands(CommandSettings.defaults()).originate(originate).text();

        assertThat(command).contains("origination_uuid=" + A, "voip_tenant=" + TENANT, "voip_call_uuid=" + A);
        assertThat(FS.create(CALLER, 0)).containsEntry("Unique-ID", A.toString());
    }

    private static List<Class<?>> simulatedOriginate() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            SimulatedSwitch sim = new SimulatedSwitch(
                    new SimulationSettings(Duration.ofMillis(10), Duration.ofSeconds(5), Set.of()),
                    Clock.systemUTC(), scheduler);
            RecordedMediaEvents events = new RecordedMediaEvents(Duration.ofSeconds(5));
            sim.listen(events);
            UUID caller = UUID.randomUUID();
            sim.originate(new Originate(caller, TenantId.of(TENANT), Destination.extension("1001", DOMAIN),
                    Destination.extension("1002", DOMAIN), "1001", "Alice Smith", Duration.ofSeconds(30)));
            UUID callee = events.awaitOtherLeg(caller, caller);
            events.await(ChannelBridged.class, callee);
            return events.all().stream().<Class<?>>map(MediaEvent::getClass).toList();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
