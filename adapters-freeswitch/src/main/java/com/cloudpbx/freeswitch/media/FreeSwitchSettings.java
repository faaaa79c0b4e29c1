package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.freeswitch.esl.EslClientSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * How the server drives FreeSWITCH ({@code voip.freeswitch.*}, the {@code VOIP_FREESWITCH_*}
 * variables). Checked at start even while the simulated switch runs, so a value that cannot be used
 * names its variable then rather than at the first call on FreeSWITCH.
 *
 * @param hosts              the media servers ({@link FreeSwitchHosts}); set, they replace the simulated switch
 * @param commandTimeoutMs   how long a command may take before the switch counts as unavailable
 * @param ringTimeoutSeconds how long the legs the server rings by itself (consult, eavesdrop) ring;
 *                           FreeSWITCH's originate_timeout is capped at 600 s by the commands too
 * @param conferenceProfile  the mod_conference profile rooms are created with
 * @param sipProfile         the sofia profile extensions are dialled on through {@code sipProxy}
 * @param sipProxy           the SIP proxy (host or host:port) in front of FreeSWITCH; unset, extensions
 *                           are dialled through FreeSWITCH's user directory
 * @param eventLeaseSeconds  with several API nodes, how long the node applying a switch's events may go
 *                           without renewing its lease before another node takes over
 */
@Context
@ConfigurationProperties("voip.freeswitch")
public record FreeSwitchSettings(
        @Nullable @EventSocketHosts String hosts,
        @Bindable(defaultValue = "10000")
        @Min(value = 100, message = COMMAND_TIMEOUT) @Max(value = 300_000, message = COMMAND_TIMEOUT)
        long commandTimeoutMs,
        @Bindable(defaultValue = "30")
        @Min(value = 1, message = RING_TIMEOUT) @Max(value = 600, message = RING_TIMEOUT)
        long ringTimeoutSeconds,
        @Bindable(defaultValue = "default")
        @Pattern(regexp = NAME, message = "VOIP_FREESWITCH_CONFERENCE_PROFILE" + NAME_RULE)
        String conferenceProfile,
        @Bindable(defaultValue = "internal")
        @Pattern(regexp = NAME, message = "VOIP_FREESWITCH_SIP_PROFILE" + NAME_RULE)
        String sipProfile,
        @Nullable @SipProxyAddress String sipProxy,
        @Bindable(defaultValue = "5")
        @Min(value = 2, message = EVENT_LEASE) @Max(value = 60, message = EVENT_LEASE)
        long eventLeaseSeconds) {

    /** Set, it selects FreeSWITCH; unset, the simulated switch. */
    public static final String HOSTS = "voip.freeswitch.hosts";

    static final String COMMAND_TIMEOUT = "VOIP_FREESWITCH_COMMAND_TIMEOUT_MS must be a whole number from 100 to 300000";
    static final String EVENT_LEASE = "VOIP_FREESWITCH_EVENT_LEASE_SECONDS must be a whole number from 2 to 60";
    static final String RING_TIMEOUT = "VOIP_FREESWITCH_RING_TIMEOUT_SECONDS must be a whole number from 1 to 600";
    // The names reach FreeSWITCH's command line: nothing that could end an argument or add one.
    static final String NAME = "^[A-Za-z0-9_-]{1,64}$";
    static final String NAME_RULE = " must be 1-64 letters, digits, '-' or '_'";

    /** How an extension is dialled: through the SIP proxy when one is named, else the user directory. */
    public ExtensionDialing dialing() {
        return sipProxy == null || sipProxy.isBlank() ? new ExtensionDialing.Directory()
                : new ExtensionDialing.ViaProxy(sipProfile, sipProxy.strip());
    }

    /** How long a node's hold on a switch's events lasts without renewal: another node takes over after it. */
    public Duration eventLease() {
        return Duration.ofSeconds(eventLeaseSeconds);
    }

    /** The adapter's settings, with the tenant park slots (dialling one picks up the call there). */
    public MediaServerSettings mediaServerSettings(ParkSlotRange slots) {
        return new MediaServerSettings(new CommandSettings(dialing(), conferenceProfile, slots),
                EslClientSettings.defaults(), Duration.ofMillis(commandTimeoutMs), Duration.ofSeconds(ringTimeoutSeconds));
    }
}
