package de.impftermin.support;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for tests: build request bodies as ordered maps, write them, read answers as trees. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** An ordered JSON object from alternating keys and values; {@code null} values are written as JSON null. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A body as JSON text; a {@link String} is taken as already written JSON (or deliberately broken text). */
    public static String write(Object body) {
        if (body instanceof String text) {
            return text;
        }
        return MAPPER.writeValueAsString(body);
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text.isEmpty() ? "null" : text);
    }
}
