package com.cloudpbx.core.shared.port;

/**
 * Port: reversible encryption for secrets the platform must hand back or give to a switch
 * (SIP and trunk passwords), as opposed to passwords it only verifies.
 */
public interface SecretCipher {

    String encrypt(String plaintext);

    String decrypt(String ciphertext);
}
