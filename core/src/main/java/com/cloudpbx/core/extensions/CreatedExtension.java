package com.cloudpbx.core.extensions;

/** A new extension and how to provision a phone for it. */
public record CreatedExtension(Extension extension, SipProvisioning sip) {
}
