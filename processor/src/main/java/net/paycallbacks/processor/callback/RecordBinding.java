package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Binds a JSON object onto a record, field by component name, each with the lenient reader of its type;
 * unknown fields are skipped, absent ones null, and of a repeated field the last one wins (as in a JSON
 * tree). Written for callbacks in place of Jackson's databind, whose general machinery (creator buffers,
 * a default for each of the dozens of components a callback leaves out, duplicate detection) took about a
 * third of each parse (bench/callback-parse.sh).
 */
final class RecordBinding<R extends Record> implements LenientValue<R> {

    private final Constructor<R> constructor;
    private final Map<String, Integer> positions = new HashMap<>();
    private final LenientValue<?>[] values;

    private RecordBinding(Class<R> type, ObjectMapper mapper) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length > Long.SIZE) {
            throw new IllegalArgumentException(type.getName() + " has more components than a seen-mask holds");
        }
        values = new LenientValue<?>[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            positions.put(components[i].getName(), i);
            values[i] = LenientValues.of(components[i].getGenericType(), mapper);
            parameterTypes[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
    }

    static <R extends Record> RecordBinding<R> of(Class<R> type, ObjectMapper mapper) {
        return new RecordBinding<>(type, mapper);
    }

    @Override
    public R read(JsonParser parser) throws IOException {
        return parser.hasToken(JsonToken.START_OBJECT) ? readFields(parser, false) : LenientValues.skipped(parser);
    }

    /**
     * The same for a whole document's top level, where a repeated field (known or not) is refused: two
     * {@code result} fields would leave it open which one IXOPAY meant.
     */
    R readDistinct(JsonParser parser) throws IOException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            throw new JsonParseException(parser, "not a JSON object");
        }
        return readFields(parser, true);
    }

    private R readFields(JsonParser parser, boolean distinct) throws IOException {
        Object[] arguments = new Object[values.length];
        long seen = 0;
        Set<String> unknownSeen = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            Integer position = positions.get(name);
            if (position == null) {
                if (distinct) {
                    unknownSeen = unknownSeen == null ? new HashSet<>() : unknownSeen;
                    if (!unknownSeen.add(name)) {
                        throw new JsonParseException(parser, "repeated field");
                    }
                }
                parser.skipChildren();
                continue;
            }
            if (distinct && (seen & 1L << position) != 0) {
                throw new JsonParseException(parser, "repeated field");
            }
            seen |= 1L << position;
            arguments[position] = values[position].read(parser);
        }
        return construct(arguments);
    }

    private R construct(Object[] arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
