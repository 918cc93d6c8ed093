package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

import java.io.IOException;

/**
 * A field in a shape we cannot read (an object where text was expected, "n/a" as an amount) becomes
 * null instead of failing the whole callback: the raw body stays in {@code ixopay-callbacks}, and the
 * transaction's state only needs {@code uuid} and {@code result}.
 */
final class LenientFields extends DeserializationProblemHandler {

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMessage) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** Text, a number or a boolean where an object was expected ("customer": "someone@example.com"). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
                                            ValueInstantiator instantiator, JsonParser parser, String message)
            throws IOException {
        parser.skipChildren();
        return null;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                         String failureMessage) {
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                         String failureMessage) {
        return null;
    }
}
