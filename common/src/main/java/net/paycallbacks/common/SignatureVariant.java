package net.paycallbacks.common;

import java.util.Arrays;
import java.util.Optional;

/** Which body hash an authentic callback's X-Signature was computed over. */
public enum SignatureVariant {
    /** The current scheme: SHA-512 hex of the body. */
    SHA512("sha512"),
    /** The legacy scheme, still sent for transactions created with an MD5-signed request. */
    MD5("md5");

    private final String wireName;

    SignatureVariant(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureVariant> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
