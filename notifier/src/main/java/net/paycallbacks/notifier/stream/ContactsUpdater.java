package net.paycallbacks.notifier.stream;

import net.paycallbacks.notifier.email.TransactionContact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global {@code contacts} store equal to the {@code notifier-contacts} topic, on every instance. */
final class ContactsUpdater implements Processor<String, TransactionContact, Void, Void> {

    private KeyValueStore<String, TransactionContact> contacts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        contacts = context.getStateStore(NotifierTopology.CONTACTS);
    }

    @Override
    public void process(Record<String, TransactionContact> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            contacts.delete(record.key());
        } else {
            contacts.put(record.key(), record.value());
        }
    }
}
