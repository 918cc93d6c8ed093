package net.paycallbacks.common;

import java.util.Optional;

/** Which body hash an authentic callback's X-Signature was computed over. */
public enum SignatureVariant {
    /** The current scheme: SHA-512 hex of the body. */
    SHA512("sha512"),
    /** The legacy scheme, still sent for transactions created with an MD5-signed request. */
    MD5("md5");

    private static final SignatureVariant[] VARIANTS = values();

    private final String wireName;

    SignatureVariant(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureVariant> fromWireName(String name) {
        // A loop, not a stream: the processor calls this for every callback.
        for (SignatureVariant variant : VARIANTS) {
            if (variant.wireName.equals(name)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }
}
