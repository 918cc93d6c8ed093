package net.paycallbacks.common;

import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the product, named once. */
public final class Topics {

    /** Raw IXOPAY callbacks exactly as received: key = transaction uuid (or null), value = body bytes. */
    public static final Topic<String, byte[]> IXOPAY_CALLBACKS =
            new Topic<>("ixopay-callbacks", Serdes.String(), Serdes.ByteArray());

    private Topics() {
    }
}
