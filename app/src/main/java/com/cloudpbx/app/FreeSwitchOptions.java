package com.cloudpbx.app;

import com.cloudpbx.core.calls.ParkSlots;
import com.cloudpbx.freeswitch.media.CommandSettings;
import com.cloudpbx.freeswitch.media.ExtensionDialing;
import com.cloudpbx.freeswitch.media.MediaServerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the server drives FreeSWITCH, from the {@code VOIP_FREESWITCH_*} variables (the
 * {@code voip.freeswitch.*} properties), each with a default. A value that cannot be used refuses
 * the start naming its variable, rather than surfacing at the first call.
 *
 * @param commandTimeout    how long a command may take before the switch counts as unavailable
 * @param ringTimeout       how long the legs the server rings by itself (consult, eavesdrop) ring
 * @param conferenceProfile the mod_conference profile rooms are created with
 * @param dialing           how an extension is dialled: FreeSWITCH's user directory, or through the
 *                          SIP proxy in front of it on a sofia profile
 */
public record FreeSwitchOptions(Duration commandTimeout, Duration ringTimeout, String conferenceProfile,
                                ExtensionDialing dialing) {

    static final String COMMAND_TIMEOUT = "VOIP_FREESWITCH_COMMAND_TIMEOUT_MS";
    static final String RING_TIMEOUT = "VOIP_FREESWITCH_RING_TIMEOUT_SECONDS";
    static final String CONFERENCE_PROFILE = "VOIP_FREESWITCH_CONFERENCE_PROFILE";
    static final String SIP_PROFILE = "VOIP_FREESWITCH_SIP_PROFILE";
    static final String SIP_PROXY = "VOIP_FREESWITCH_SIP_PROXY";

    /** Each variable and the property it becomes. */
    static final Map<String, String> PROPERTIES = Map.of(
            COMMAND_TIMEOUT, "voip.freeswitch.command-timeout-ms",
            RING_TIMEOUT, "voip.freeswitch.ring-timeout-seconds",
            CONFERENCE_PROFILE, "voip.freeswitch.conference-profile",
            SIP_PROFILE, "voip.freeswitch.sip-profile",
            SIP_PROXY, "voip.freeswitch.sip-proxy");

    private static final long MIN_COMMAND_MS = 100;
    private static final long MAX_COMMAND_MS = 300_000;
    // FreeSWITCH's originate_timeout is capped at 600 s by the commands too.
    private static final long MAX_RING_SECONDS = 600;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    /** The stock values: 10 s per command, 30 s of ringing, profile "default", user-directory dialling. */
    public static FreeSwitchOptions defaults() {
        return parse(variable -> Optional.empty());
    }

    /** Reads the options; {@code variable} gives a variable's value by its name, empty when unset. */
    public static FreeSwitchOptions parse(Function<String, Optional<String>> variable) {
        long commandMs = number(variable, COMMAND_TIMEOUT, 10_000, MIN_COMMAND_MS, MAX_COMMAND_MS);
        long ringSeconds = number(variable, RING_TIMEOUT, 30, 1, MAX_RING_SECONDS);
        String conferenceProfile = name(variable, CONFERENCE_PROFILE, "default");
        String sipProfile = name(variable, SIP_PROFILE, "internal");
        ExtensionDialing dialing = value(variable, SIP_PROXY)
                .<ExtensionDialing>map(proxy -> viaProxy(sipProfile, proxy))
                .orElseGet(ExtensionDialing.Directory::new);
        return new FreeSwitchOptions(Duration.ofMillis(commandMs), Duration.ofSeconds(ringSeconds), conferenceProfile,
                dialing);
    }

    /** The adapter's settings, with the tenant park slots (dialling one picks up the call there). */
    public MediaServerSettings mediaServerSettings(ParkSlots slots) {
        return new MediaServerSettings(new CommandSettings(dialing, conferenceProfile, slots),
                com.cloudpbx.freeswitch.esl.EslClientSettings.defaults(), commandTimeout, ringTimeout);
    }

    private static ExtensionDialing viaProxy(String sipProfile, String proxy) {
        try {
            return new ExtensionDialing.ViaProxy(sipProfile, proxy);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(SIP_PROXY + " must be the SIP proxy's host or host:port (e.g. kamailio:5060), got "
                    + shown(proxy));
        }
    }

    private static long number(Function<String, Optional<String>> variable, String name, long fallback, long min,
                               long max) {
        Optional<String> text = value(variable, name);
        if (text.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            parsed = Long.MIN_VALUE;
        }
        if (parsed < min || parsed > max) {
            throw new StartupRefusal(name + " must be a whole number from " + min + " to " + max + ", got "
                    + shown(text.get()));
        }
        return parsed;
    }

    private static String name(Function<String, Optional<String>> variable, String name, String fallback) {
        Optional<String> text = value(variable, name);
        if (text.isPresent() && !NAME.matcher(text.get()).matches()) {
            throw new StartupRefusal(name + " must be 1-64 letters, digits, '-' or '_', got " + shown(text.get()));
        }
        return text.orElse(fallback);
    }

    private static Optional<String> value(Function<String, Optional<String>> variable, String name) {
        return variable.apply(name).map(String::strip).filter(text -> !text.isEmpty());
    }

    // The refused value is echoed for diagnosis; it is no secret, but it is kept short and printable.
    private static String shown(String value) {
        String shortened = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return '"' + shortened.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
