package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.routing.DirectoryEntry;

/**
 * The directory answer for one extension. Phones authenticate against {@code a1-hash}, never a
 * password; the variables land on the channels of an authenticated phone, so its calls enter the
 * dialplan context named after the tenant's SIP domain and carry the tenant and extension.
 */
final class DirectoryXml {

    /**
     * How FreeSWITCH rings {@code user/<ext>@<domain>}: every registration of the user, with the
     * tenant's domain in the request URI.
     */
    static final String DIAL_STRING = "{^^:sip_invite_domain=${dialed_domain}:presence_id=${dialed_user}@${dialed_domain}}"
            + "${sofia_contact(*/${dialed_user}@${dialed_domain})}";

    private DirectoryXml() {
    }

    static String render(DirectoryEntry entry) {
        XmlDocument xml = new XmlDocument("directory")
                .open("domain", "name", entry.sipDomain())
                .open("user", "id", entry.extension())
                .open("params")
                .empty("param", "name", "a1-hash", "value", entry.a1Hash())
                .empty("param", "name", "dial-string", "value", DIAL_STRING)
                .close("params")
                .open("variables")
                .empty("variable", "name", "user_context", "value", entry.sipDomain())
                .empty("variable", "name", Dialplan.TENANT, "value", entry.tenant().toString())
                .empty("variable", "name", Dialplan.EXTENSION, "value", entry.extension())
                .empty("variable", "name", "voip_voicemail_enabled", "value", Boolean.toString(entry.voicemailEnabled()))
                .empty("variable", "name", "effective_caller_id_number", "value", entry.extension())
                .empty("variable", "name", "effective_caller_id_name", "value", entry.displayName());
        entry.outboundCallerId().ifPresent(number ->
                xml.empty("variable", "name", "outbound_caller_id_number", "value", number.e164()));
        return xml.close("variables")
                .close("user")
                .close("domain")
                .render();
    }
}
