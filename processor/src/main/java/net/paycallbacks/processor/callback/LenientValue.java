package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Reads one field's value, leniently: a value in a shape it cannot read becomes null. Starts on the value's
 * first token and leaves the parser on its last, so that the caller goes on with the next field.
 */
@FunctionalInterface
interface LenientValue<T> {

    T read(JsonParser parser) throws IOException;
}
