package com.cloudpbx.freeswitch.media;

import static com.cloudpbx.freeswitch.media.EslCommandsTest.CALL;
import static com.cloudpbx.freeswitch.media.EslCommandsTest.DOMAIN;
import static com.cloudpbx.freeswitch.media.EslCommandsTest.OTHER;
import static com.cloudpbx.freeswitch.media.EslCommandsTest.ROOM;
import static com.cloudpbx.freeswitch.media.EslCommandsTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.ParkSlotRange;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Caller-controlled text never becomes more than the one argument or variable it was meant to be. */
class EslCommandsInjectionTest {

    private final EslCommands commands = new EslCommands(CommandSettings.defaults());

    static Stream<String> hostile() {
        return Stream.of("x}bgapi system rm -rf /", "a,b", "\n", "1001\nbgapi system id", "\r\n", "'", "''",
                "1001 XML default", "r conference x kick all", "${system(id)}", "$${hostname}", "a|b", "^^:a:b",
                "{origination_uuid=x}", "[x=y]", "<x=y>", "\\", "1001;x", "1001'", "+1415 555", "\u0000", " ", "",
                "t6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c-sales kick all", "1001@evil.example.com", "../../etc");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aCallerIdNameIsReducedToOneQuotedValueInsideTheVariableBlock(String name) {
        Originate command = new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), "1001", name, Duration.ofSeconds(30));

        String line = commands.originate(command).text();
        List<String> arguments = CommandLine.split(line).arguments();

        assertThat(line).doesNotContain("\n", "\r", "$", "^", "|");
        assertThat(arguments).hasSize(3);
        assertThat(arguments.get(0)).isEqualTo("originate");
        assertThat(arguments.get(2)).startsWith("&bridge({").endsWith("user/1002@" + DOMAIN + ")");
        List<String> variables = CommandLine.variables(arguments.get(1));
        assertThat(variables).allSatisfy(v -> assertThat(v).matches("^[a-z_]+=[^,{}'\\[\\]<>]*$"));
        assertThat(variables).filteredOn(v -> v.startsWith("origination_caller_id_name="))
                .allSatisfy(v -> assertThat(v).matches("^origination_caller_id_name=[\\p{L}\\p{Nd} .@+()_-]+$"));
        assertThat(variables).hasSizeBetween(10, 11);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aCallerIdNumberThatIsNotDigitsIsRefused(String number) {
        Originate command = new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), number, "Alice", Duration.ofSeconds(30));

        assertThatThrownBy(() -> commands.originate(command)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void anOriginatingExtensionThatIsNotDigitsIsRefused(String extension) {
        Originate command = new Originate(CALL, TENANT, Destination.extension(extension, DOMAIN),
                Destination.extension("1002", DOMAIN), "1001", "Alice", Duration.ofSeconds(30));

        assertThatThrownBy(() -> commands.originate(command)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aDialledExtensionOrNumberThatIsNotOneIsRefused(String target) {
        assertThatThrownBy(() -> commands.originate(EslCommandsTest.originate(Destination.extension(target, DOMAIN))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.originate(EslCommandsTest.originate(Destination.number(target, DOMAIN))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aSipDomainThatIsNotAHostNameIsRefusedWhereverItAppears(String domain) {
        Originate fromHostile = new Originate(CALL, TENANT, Destination.extension("1001", domain),
                Destination.extension("1002", DOMAIN), "1001", "Alice", Duration.ofSeconds(30));

        assertThatThrownBy(() -> commands.originate(fromHostile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.originate(EslCommandsTest.originate(Destination.extension("1002", domain))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.originate(EslCommandsTest.originate(Destination.number("+14155550100", domain))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.transfer(CALL, Destination.extension("1003", domain)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aTransferTargetThatIsNotAnExtensionOrNumberIsRefused(String target) {
        assertThatThrownBy(() -> commands.transfer(CALL, Destination.extension(target, DOMAIN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.transferOtherLeg(CALL, Destination.number(target, DOMAIN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aParkSlotThatIsNotDigitsIsRefused(String slot) {
        assertThatThrownBy(() -> commands.park(CALL, TENANT, slot)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aRoomThatIsNotATenantRoomNameIsRefusedByEveryConferenceCommand(String room) {
        assertThatThrownBy(() -> commands.joinConference(CALL, OTHER, room)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.kick(room, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.mute(room, "1", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.lock(room, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.conferenceList(room)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aMemberIdThatIsNotDigitsIsRefused(String memberId) {
        assertThatThrownBy(() -> commands.kick(ROOM, memberId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.mute(ROOM, memberId, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHangupCauseThatIsNotACauseNameIsRefused(String cause) {
        assertThatThrownBy(() -> commands.hangup(CALL, cause)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aSupervisorOrConsultTargetThatIsNotAnExtensionIsRefused(String extension) {
        EavesdropLeg spy = new EavesdropLeg(OTHER, CALL, TENANT, Destination.extension(extension, DOMAIN),
                EavesdropMode.LISTEN, Duration.ofSeconds(30));
        ConsultLeg consult = new ConsultLeg(OTHER, CALL, CALL, TENANT, Destination.extension(extension, DOMAIN),
                "1001", Duration.ofSeconds(30));
        ConsultLeg hostileCallerId = new ConsultLeg(OTHER, CALL, CALL, TENANT, Destination.extension("1003", DOMAIN),
                extension, Duration.ofSeconds(30));

        assertThatThrownBy(() -> commands.eavesdrop(spy)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.consult(consult)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commands.consult(hostileCallerId)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void settingsThatWouldReachTheCommandLineAreValidatedToo(String value) {
        ParkSlotRange slots = new ParkSlotRange(701, 750);

        assertThatThrownBy(() -> new CommandSettings(new ExtensionDialing.Directory(), value, slots))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionDialing.ViaProxy(value, "kamailio.internal"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionDialing.ViaProxy("internal", value))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
