package net.paycallbacks.processor.stream;

import net.paycallbacks.common.Topics;
import net.paycallbacks.processor.ProcessorMetrics;
import net.paycallbacks.processor.state.TransactionState;
import net.paycallbacks.processor.state.TransactionStateMachine;
import net.paycallbacks.streams.StoreJson;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code ixopay-callbacks} through the state machine into {@code transaction-events}, with the
 * unreadable records in {@code ixopay-callbacks-dlq}. Under exactly_once_v2 the store update, the
 * event and the consumed offset commit in one Kafka transaction.
 */
public final class CallbackTopology {

    public static final String STORE = "transactions";
    static final String SOURCE = "callbacks";
    static final String APPLY = "apply-callback";
    static final String EVENTS = "events";
    static final String QUARANTINE = "quarantine";

    private CallbackTopology() {
    }

    public static Topology build(ProcessorMetrics metrics) {
        StoreBuilder<KeyValueStore<String, TransactionState>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), StoreJson.serde(TransactionState.class));
        return new Topology()
                .addSource(SOURCE, Topics.IXOPAY_CALLBACKS.keySerde().deserializer(),
                        Topics.IXOPAY_CALLBACKS.valueSerde().deserializer(), Topics.IXOPAY_CALLBACKS.name())
                .addProcessor(APPLY, () -> new CallbackProcessor(new TransactionStateMachine(), metrics), SOURCE)
                .addStateStore(store, APPLY)
                .addSink(EVENTS, Topics.TRANSACTION_EVENTS.name(), Topics.TRANSACTION_EVENTS.keySerde().serializer(),
                        Topics.TRANSACTION_EVENTS.valueSerde().serializer(), APPLY)
                .addSink(QUARANTINE, Topics.IXOPAY_CALLBACKS_DLQ.name(), Topics.IXOPAY_CALLBACKS_DLQ.keySerde().serializer(),
                        Topics.IXOPAY_CALLBACKS_DLQ.valueSerde().serializer(), APPLY);
    }
}
