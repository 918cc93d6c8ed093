package net.paycallbacks.processor.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.processor.state.TransactionStateMachine;
import net.paycallbacks.processor.state.Transition;
import net.paycallbacks.streams.StoreJson;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event and store writers call getters through Blackbird's generated lambdas, not reflection. That must not
 * change a byte of what subscribers read or what the changelog holds: the same JSON as plain Jackson writes.
 */
class JsonWritersFormatTest {

    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Transition.Changed changed = (Transition.Changed) new TransactionStateMachine().apply(null,
            callback("format0000000000000001", "OK")
                    .customer("zoe.unal@example.com", "Zoë", "Ünal")
                    .error("2005", "Transaction Expired")
                    .delivery());

    @Test
    void anEventIsWrittenAsPlainJacksonWritesIt() throws Exception {
        TransactionEvent event = changed.event();

        assertThat(new String(EventJson.write(event), UTF_8)).isEqualTo(PLAIN.writeValueAsString(event));
    }

    @Test
    void aStoredStateIsWrittenAsPlainJacksonWritesIt() throws Exception {
        assertThat(new String(StoreJson.write(changed.next()), UTF_8)).isEqualTo(PLAIN.writeValueAsString(changed.next()));
    }
}
