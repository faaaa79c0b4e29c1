package com.cloudpbx.freeswitch.media;

/**
 * How FreeSWITCH reaches a tenant's extension. {@link Directory} ({@code user/<ext>@<domain>})
 * lets FreeSWITCH's user directory build the dial string, which needs the phones to register with
 * FreeSWITCH (one directory domain per tenant SIP domain). {@link ViaProxy} sends the INVITE to the
 * registrar in front of FreeSWITCH (Kamailio), which knows where the phone is:
 * {@code sofia/<profile>/<ext>@<domain>;fs_path=<sip:proxy>} keeps the tenant's domain in the
 * request URI while routing through the proxy.
 */
public sealed interface ExtensionDialing {

    String dialString(String extension, String sipDomain);

    record Directory() implements ExtensionDialing {

        @Override
        public String dialString(String extension, String sipDomain) {
            return "user/" + EslValues.extension(extension) + "@" + EslValues.domain(sipDomain);
        }
    }

    record ViaProxy(String sofiaProfile, String proxy) implements ExtensionDialing {

        public ViaProxy {
            EslValues.nameToken(sofiaProfile, "sofia profile");
            EslValues.hostPort(proxy);
        }

        @Override
        public String dialString(String extension, String sipDomain) {
            return "sofia/" + sofiaProfile + "/" + EslValues.extension(extension) + "@" + EslValues.domain(sipDomain)
                    + ";fs_path=sip:" + proxy;
        }
    }
}
