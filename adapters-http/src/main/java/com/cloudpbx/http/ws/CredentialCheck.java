package com.cloudpbx.http.ws;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.ws.SocketAuthenticator.Identity;

/** Checks an admitted client's credential again; a {@link DomainException} says it no longer stands. */
public interface CredentialCheck {

    void recheck(Identity identity);
}
