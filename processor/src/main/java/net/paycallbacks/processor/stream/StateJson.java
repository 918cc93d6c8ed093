package net.paycallbacks.processor.stream;

import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.processor.state.TransactionState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.IOException;

/** The store's (and its changelog's) value format: JSON, readable by people debugging a changelog. */
public final class StateJson {

    private StateJson() {
    }

    public static Serde<TransactionState> serde() {
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null : write(state),
                (topic, json) -> json == null ? null : read(json));
    }

    public static byte[] write(TransactionState state) {
        try {
            return EventJson.MAPPER.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new SerializationException("cannot write state of " + state.uuid(), e);
        }
    }

    public static TransactionState read(byte[] json) {
        try {
            return EventJson.MAPPER.readValue(json, TransactionState.class);
        } catch (IOException e) {
            throw new SerializationException("unreadable transaction state", e);
        }
    }
}
