package net.paycallbacks.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/** The JSON form of {@code transaction-events} values: ISO-8601 times, absent rather than null fields. */
public final class EventJson {

    /** Subscribers must tolerate fields added within schema version 1, and so does this reader. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Every event is written on the stream threads; reflective getter calls were 49% of writing one.
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static byte[] write(TransactionEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new SerializationException("cannot write event " + event.eventId(), e);
        }
    }

    public static TransactionEvent read(byte[] json) {
        try {
            return MAPPER.readValue(json, TransactionEvent.class);
        } catch (IOException e) {
            throw new SerializationException("not a transaction event: "
                    + (e instanceof JsonProcessingException invalid ? invalid.getOriginalMessage() : e.toString()));
        }
    }

    public static Serde<TransactionEvent> serde() {
        Serializer<TransactionEvent> serializer = (topic, event) -> event == null ? null : write(event);
        Deserializer<TransactionEvent> deserializer = (topic, json) -> json == null ? null : read(json);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
