package net.paycallbacks.processor.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import net.paycallbacks.processor.state.TransactionState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.IOException;

/**
 * The store's (and its changelog's) value format: JSON, readable by people debugging a changelog.
 * Its own mapper, so that the store's format never changes with the subscribers' event format.
 */
public final class StateJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A state written by a newer version (one more field) must still restore after a rollback.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateJson() {
    }

    public static Serde<TransactionState> serde() {
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null : write(state),
                (topic, json) -> json == null ? null : read(json));
    }

    public static byte[] write(TransactionState state) {
        try {
            return MAPPER.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new SerializationException("cannot write state of " + state.uuid(), e);
        }
    }

    public static TransactionState read(byte[] json) {
        try {
            return MAPPER.readValue(json, TransactionState.class);
        } catch (IOException e) {
            throw new SerializationException("unreadable transaction state", e);
        }
    }
}
