package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.paycallbacks.common.events.TransactionStatus;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads callback bodies leniently (unknown fields ignored, numbers or strings wherever IXOPAY's own
 * examples use either, unreadable fields null) and strictly only where the state machine depends on
 * it: a JSON object with a {@code uuid} and a {@code result} of OK, PENDING or ERROR.
 */
public final class CallbackParser {

    private static final int MAX_DETAIL = 120;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // "10.90" sent as a number stays 10.90 in the trees of extraData and customer.extraData.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    /** Built once: it looks up every record's components and canonical constructor. */
    private static final RecordBinding<Callback> BINDING = RecordBinding.of(Callback.class, MAPPER);

    private CallbackParser() {
    }

    public static ParsedCallback parse(byte[] body) {
        if (body == null) {
            return unreadable(QuarantineReason.NOT_JSON, "not a JSON object");
        }
        Callback callback = readStrictly(body);
        return callback != null ? check(callback) : parseAnyShape(body);
    }

    /**
     * The callback in one pass, or null if the body is anything but one JSON object with distinct top-level
     * fields and nothing after it. What it refuses goes the slower way, which tells the reason.
     */
    private static Callback readStrictly(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            parser.nextToken();
            Callback callback = BINDING.readDistinct(parser);
            return parser.nextToken() == null ? callback : null;
        } catch (IOException | RuntimeException refused) {
            return null;
        }
    }

    private static ParsedCallback parseAnyShape(byte[] body) {
        try {
            if (!isObjectWithDistinctFields(body)) {
                return unreadable(QuarantineReason.NOT_JSON, "not a JSON object");
            }
        } catch (DuplicateField duplicate) {
            return unreadable(QuarantineReason.NOT_JSON, "field \"" + duplicate.name + "\" appears twice");
        } catch (IOException e) {
            return unreadable(QuarantineReason.NOT_JSON, "not JSON" + where(e));
        }
        try {
            return check(bind(body));
        } catch (IOException e) {
            return unreadable(QuarantineReason.NOT_JSON, "unreadable callback" + where(e));
        } catch (RuntimeException e) {
            // A bug in a field's reader must cost one record its typed reading, not stop the stream.
            return unreadable(QuarantineReason.NOT_JSON, "unreadable callback");
        }
    }

    /**
     * The callback in a body that is one JSON object, in the processor only once its top-level fields are
     * known to be distinct (a field repeated there would keep its last value).
     */
    static Callback bind(byte[] body) throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            parser.nextToken();
            return BINDING.read(parser);
        }
    }

    static ParsedCallback check(Callback callback) {
        if (callback.uuid() == null || callback.uuid().isBlank()) {
            return unreadable(QuarantineReason.NO_UUID, "no uuid");
        }
        Optional<TransactionStatus> status = TransactionStatus.fromResult(callback.result());
        if (status.isEmpty()) {
            return unreadable(QuarantineReason.NO_RESULT, callback.result() == null
                    ? "no result" : "result is not OK, PENDING or ERROR");
        }
        if (!Amounts.usable(callback)) {
            return unreadable(QuarantineReason.UNUSABLE_AMOUNT, "an amount is out of any currency's range");
        }
        return new ParsedCallback.Readable(callback, status.get());
    }

    /**
     * One cheap token pass (no tree): is the body a single JSON object whose top-level fields are all
     * distinct? Two different "result" or "uuid" fields would leave it open which one IXOPAY meant;
     * deeper down, the last one wins.
     */
    private static boolean isObjectWithDistinctFields(byte[] body) throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            Set<String> names = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!names.add(parser.currentName())) {
                    throw new DuplicateField(parser.currentName());
                }
                parser.nextToken();
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the object");
            }
            return true;
        }
    }

    private static final class DuplicateField extends IOException {
        private final String name;

        DuplicateField(String name) {
            super("duplicate field");
            this.name = name.length() > 40 ? name.substring(0, 40) : name;
        }
    }

    private static ParsedCallback unreadable(QuarantineReason reason, String detail) {
        return new ParsedCallback.Unreadable(reason, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
    }

    /** Only the position: Jackson's messages quote the offending token, which may be card or customer data. */
    private static String where(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            return " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
