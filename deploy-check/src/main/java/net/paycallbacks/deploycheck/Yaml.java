package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files into Jackson trees; a key given twice in one mapping is an error, as for kubectl. */
public final class Yaml {

    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Yaml() {
    }

    /** Every non-empty document of a (possibly multi-document) YAML file, each a mapping. */
    public static List<ObjectNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            return objects(docs, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same for YAML text, e.g. a manifest written in a test. */
    public static List<ObjectNode> documents(String yaml) {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            return objects(docs, "YAML text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read YAML: " + e.getMessage(), e);
        }
    }

    public static ObjectNode document(Path file) {
        List<ObjectNode> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one YAML document, has " + docs.size());
        }
        return docs.getFirst();
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static List<ObjectNode> objects(MappingIterator<JsonNode> docs, String source) throws IOException {
        List<ObjectNode> result = new ArrayList<>();
        while (docs.hasNextValue()) {
            JsonNode doc = docs.nextValue();
            if (doc == null || doc.isNull() || doc.isMissingNode()) {
                continue;
            }
            if (!(doc instanceof ObjectNode object)) {
                throw new IllegalArgumentException(source + ": a document is not a mapping: " + doc.getNodeType());
            }
            result.add(object);
        }
        return result;
    }
}
