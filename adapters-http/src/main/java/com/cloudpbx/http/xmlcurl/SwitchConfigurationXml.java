package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.routing.CallQueue;
import com.cloudpbx.core.routing.IvrMenu;
import com.cloudpbx.core.routing.SwitchConfiguration;
import com.cloudpbx.core.routing.SwitchConfiguration.QueueOnSwitch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ivr.conf} and {@code callcenter.conf} documents. A menu's keys (and its timeout)
 * transfer the caller to the menu's destinations, which the dialplan binding routes with the
 * tenant's current plan, so a menu's options are never stale in the switch.
 */
final class SwitchConfigurationXml {

    /** Recordings named as greetings are files of the switch's recordings directory. */
    private static final String RECORDING_PREFIX = "recording:";

    private SwitchConfigurationXml() {
    }

    static String ivr(IvrMenu menu) {
        String name = SwitchConfiguration.MENU_PREFIX + menu.id();
        String greeting = greeting(menu.greeting());
        XmlDocument xml = new XmlDocument("configuration")
                .open("configuration", "name", "ivr.conf", "description", "IVR menus")
                .open("menus")
                .open("menu", "name", name, "greet-long", greeting, "greet-short", greeting,
                        "invalid-sound", "ivr/ivr-that_was_an_invalid_entry.wav",
                        "exit-sound", "voicemail/vm-goodbye.wav",
                        "timeout", String.valueOf(menu.timeoutSeconds() * 1000L),
                        "inter-digit-timeout", "2000",
                        "max-failures", String.valueOf(menu.maxRetries() + 1),
                        "max-timeouts", String.valueOf(menu.maxRetries() + 1),
                        "digit-len", "1",
                        "tts-engine", "flite", "tts-voice", "kal");
        for (IvrMenu.IvrOption option : menu.options()) {
            xml.empty("entry", "action", "menu-exec-app", "digits", option.digit(),
                    "param", "transfer " + destination(menu, option.digit()));
        }
        return xml.close("menu").close("menus").close("configuration").render();
    }

    static String callcenter(List<QueueOnSwitch> queues) {
        XmlDocument xml = new XmlDocument("configuration")
                .open("configuration", "name", "callcenter.conf", "description", "CallCenter")
                .empty("settings")
                .open("queues");
        for (QueueOnSwitch queue : queues) {
            xml.open("queue", "name", queue.name());
            param(xml, "strategy", queue.queue().strategy().wireName());
            param(xml, "moh-sound", queue.queue().moh());
            param(xml, "time-base-score", "system");
            param(xml, "max-wait-time", String.valueOf(queue.queue().maxWaitSeconds()));
            param(xml, "tier-rules-apply", "false");
            param(xml, "discard-abandoned-after", "60");
            xml.close("queue");
        }
        xml.close("queues").open("agents");
        Map<String, List<CallQueue.AgentStatus>> agents = new LinkedHashMap<>();
        Map<String, String> contacts = new LinkedHashMap<>();
        for (QueueOnSwitch queue : queues) {
            for (CallQueue.Agent agent : queue.queue().agents()) {
                String name = queue.agentName(agent.extension());
                agents.computeIfAbsent(name, n -> new ArrayList<>()).add(agent.status());
                contacts.put(name, "user/" + agent.extension() + "@" + queue.sipDomain());
            }
        }
        agents.forEach((name, statuses) -> xml.empty("agent", "name", name, "type", "callback",
                "contact", contacts.get(name), "status", SwitchConfiguration.switchStatus(statuses),
                "max-no-answer", "3", "wrap-up-time", "10", "reject-delay-time", "10", "busy-delay-time", "60"));
        xml.close("agents").open("tiers");
        for (QueueOnSwitch queue : queues) {
            queue.queue().agents().stream().filter(agent -> SwitchConfiguration.takesCalls(agent.status()))
                    .forEach(agent -> xml.empty("tier", "agent", queue.agentName(agent.extension()),
                            "queue", queue.name(), "level", String.valueOf(agent.tierLevel()),
                            "position", String.valueOf(agent.tierPosition())));
        }
        return xml.close("tiers").close("configuration").render();
    }

    /** The menu's destination for a key, with the hops and context its first lookup set on the channel. */
    private static String destination(IvrMenu menu, String key) {
        return Dialplan.MENU_PREFIX + menu.id() + "-" + key + "-${" + Dialplan.HOPS + "} XML ${"
                + Dialplan.CONTEXT + "}";
    }

    private static String greeting(String greeting) {
        if (greeting.startsWith(RECORDING_PREFIX)) {
            return "$${recordings_dir}/greetings/" + greeting.substring(RECORDING_PREFIX.length()) + ".wav";
        }
        return "say:" + greeting.replace('\n', ' ');
    }

    private static void param(XmlDocument xml, String name, String value) {
        xml.empty("param", "name", name, "value", value);
    }
}
