package de.impftermin.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests generated from the application's own OpenAPI description: for every operation a plausible request built
 * from the schemas (with real ids where the test has them), then one mutation at a time of every parameter and every
 * body field: odd and huge strings, Unicode edge cases (NUL, a lone surrogate, bidi overrides, emoji), SQL and
 * template injection, values of the wrong JSON type, a missing field, unknown extra fields, and bodies that are not
 * JSON at all.
 */
public final class FuzzRequests {

    /** Stands for a lone UTF-16 surrogate, which no Java string writer emits; put into the JSON text as an escape. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    /** {@code 1337 * 1337}: an answer containing it evaluated a template expression. */
    public static final String EVALUATED = "1787569";

    public static final List<String> ODD_STRINGS = List.of(
            "",
            " ",
            "a".repeat(10_000),
            "\u0000",
            "nul\u0000byte",
            "\u202e\u0301\ufeff\u200b",
            "😀".repeat(20),
            LONE_SURROGATE,
            "' OR '1'='1",
            "'; drop table booking; --",
            "1; select pg_sleep(5)",
            "${1337*1337}",
            "[[${1337*1337}]]",
            "__${T(Runtime).getRuntime().availableProcessors()}__::.x",
            "{{1337*1337}}",
            "#{1337*1337}",
            "../../../../etc/passwd",
            "<script>alert(1)</script>",
            "-1",
            "99999999999999999999",
            "1e400",
            "2021-02-30",
            "+999999999-01-01",
            "25:61");

    private static final List<String> FEW_ODD_STRINGS =
            List.of("", "a".repeat(10_000), "\u0000", LONE_SURROGATE, "' OR '1'='1", "[[${1337*1337}]]", "-1");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** One request to send: what it is, where it goes, and which value was put in (to tell an echo from a leak). */
    public record Probe(
            String label,
            String method,
            String path,
            Map<String, String> headers,
            byte @Nullable [] body,
            String contentType,
            String injected) {}

    public record Operation(
            String method,
            String path,
            List<JsonNode> parameters,
            @Nullable JsonNode body) {
        public String name() {
            return method + " " + path;
        }
    }

    private final JsonNode description;
    private final Map<String, String> known;

    /**
     * @param description the answer of {@code /v3/api-docs}
     * @param known values to use instead of generated ones, by parameter or field name (a real centre id, a token)
     */
    public FuzzRequests(JsonNode description, Map<String, String> known) {
        this.description = description;
        this.known = known;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : description.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                operation.path("parameters").forEach(parameters::add);
                JsonNode body = null;
                for (var content : operation.path("requestBody").path("content").properties()) {
                    body = content.getValue().path("schema");
                    break;
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body));
            }
        }
        return operations;
    }

    /** The plausible request and every mutation of it. */
    public List<Probe> probes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        JsonNode body = operation.body() == null ? null : example(operation.body(), 0);
        probes.add(probe(operation, "as described", Map.of(), body, ""));
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            if (in.equals("cookie")) {
                continue;
            }
            List<String> values = in.equals("header") ? FEW_ODD_STRINGS : ODD_STRINGS;
            for (String value : values) {
                String sent = in.equals("header") ? headerSafe(value) : value;
                probes.add(probe(operation, in + " " + name + "=" + shorten(value), Map.of(name, sent), body, value));
            }
        }
        if (body != null) {
            mutateFields(operation, body, body, "", probes);
            for (String raw : List.of("", "{", "[]", "null", "\"x\"", "123", "{\"a\":", "{".repeat(3000))) {
                probes.add(raw(operation, "body " + shorten(raw), raw, "application/json"));
            }
            probes.add(raw(operation, "form body", "a=b&c=%00", "application/x-www-form-urlencoded"));
            probes.add(raw(operation, "XML body", "<?xml version=\"1.0\"?><a/>", "application/xml"));
            probes.add(
                    raw(operation, "invalid UTF-8", "{\"a\":\"\u00ff\u00fe\"}", "application/json;charset=US-ASCII"));
        }
        return probes;
    }

    private void mutateFields(Operation operation, JsonNode whole, JsonNode node, String at, List<Probe> probes) {
        if (node instanceof ObjectNode object) {
            boolean nested = !at.isEmpty();
            for (String field : object.propertyNames()) {
                String path = at + "/" + field;
                List<String> strings = nested ? FEW_ODD_STRINGS : ODD_STRINGS;
                for (String value : strings) {
                    probes.add(probe(
                            operation,
                            path + "=" + shorten(value),
                            Map.of(),
                            replaced(whole, path, NODES.stringNode(value)),
                            value));
                }
                for (JsonNode wrong : wrongTypes(nested)) {
                    probes.add(probe(operation, path + "=" + wrong, Map.of(), replaced(whole, path, wrong), ""));
                }
                probes.add(probe(operation, path + " missing", Map.of(), removed(whole, path), ""));
                mutateFields(operation, whole, object.get(field), path, probes);
            }
            ObjectNode extra = (ObjectNode) edited(whole, at, n -> {
                ObjectNode copy = (ObjectNode) n;
                copy.put("role", "ADMIN");
                copy.put("isAdmin", true);
                copy.set("__proto__", NODES.objectNode().put("polluted", true));
                return copy;
            });
            probes.add(probe(operation, at + " with extra fields", Map.of(), extra, ""));
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 200; i++) {
                many.add(array.get(0).deepCopy());
            }
            probes.add(probe(operation, at + " with 200 items", Map.of(), replaced(whole, at, many), ""));
            mutateFields(operation, whole, array.get(0), at + "/0", probes);
        }
    }

    private static List<JsonNode> wrongTypes(boolean nested) {
        List<JsonNode> all = List.of(
                NODES.numberNode(123),
                NODES.numberNode(new java.math.BigInteger("92233720368547758070")),
                NODES.numberNode(1.5e308),
                NODES.booleanNode(true),
                NODES.nullNode(),
                NODES.arrayNode().add(1).add(2),
                NODES.objectNode().put("a", 1));
        return nested ? List.of(all.get(0), all.get(4), all.get(6)) : all;
    }

    /** A value the schema allows, or the known one for this name. */
    JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String type = s.path("type").asString("string");
        String format = s.path("format").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (var property : s.path("properties").properties()) {
                        Optional<String> value = Optional.ofNullable(known.get(property.getKey()));
                        object.set(
                                property.getKey(),
                                value.<JsonNode>map(NODES::stringNode)
                                        .orElseGet(() -> example(property.getValue(), depth + 1)));
                    }
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(s.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(s.path("minimum").asInt(1));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(exampleString(s, format));
        };
    }

    private static String exampleString(JsonNode schema, String format) {
        String pattern = schema.path("pattern").asString("");
        return switch (format) {
            case "date" -> "2031-01-10";
            case "date-time" -> "2031-01-10T09:30:00+01:00";
            case "time-local" -> "09:30";
            case "uuid" -> "7d1f4c2a-0000-4000-8000-000000000001";
            case "email" -> "fuzz@example.org";
            default ->
                pattern.contains("[0-9]{5}")
                        ? "46282"
                        : pattern.contains("[0-9]{6}") ? "123456" : pattern.startsWith("[a-z0-9") ? "fuzz-x" : "fuzz";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return description.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private Probe probe(
            Operation operation, String label, Map<String, String> changed, @Nullable JsonNode body, String injected) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            String value = changed.containsKey(name)
                    ? changed.get(name)
                    : known.getOrDefault(
                            name, example(parameter.path("schema"), 0).asString("1"));
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(value));
                case "query" ->
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(name)
                            .append('=')
                            .append(encode(value));
                case "header" -> headers.put(name, value);
                default -> {}
            }
        }
        byte[] bytes = body == null ? null : json(body);
        return new Probe(
                operation.name() + " " + label,
                operation.method(),
                path + query,
                headers,
                bytes,
                "application/json",
                injected);
    }

    private Probe raw(Operation operation, String label, String body, String contentType) {
        Probe plain = probe(operation, label, Map.of(), null, "");
        byte[] bytes = contentType.contains("US-ASCII")
                ? body.getBytes(StandardCharsets.ISO_8859_1)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Probe(plain.label(), plain.method(), plain.path(), plain.headers(), bytes, contentType, body);
    }

    private static byte[] json(JsonNode body) {
        String text = MAPPER.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode replaced(JsonNode whole, String pointer, JsonNode value) {
        return edited(whole, pointer, n -> value);
    }

    private static JsonNode removed(JsonNode whole, String pointer) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String field = pointer.substring(slash + 1);
        return edited(whole, parent, n -> {
            if (n instanceof ObjectNode object) {
                object.remove(field);
            }
            return n;
        });
    }

    /** A copy of {@code whole} with the node at the JSON pointer {@code at} replaced by what {@code edit} makes. */
    private static JsonNode edited(JsonNode whole, String at, UnaryOperator<JsonNode> edit) {
        JsonNode copy = whole.deepCopy();
        if (at.isEmpty()) {
            return edit.apply(copy);
        }
        int slash = at.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(at.substring(0, slash));
        String last = at.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, edit.apply(object.get(last)));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            array.set(index, edit.apply(array.get(index)));
        }
        return copy;
    }

    private static String encode(String value) {
        String safe = value.replace(LONE_SURROGATE, "\ud800");
        byte[] bytes = safe.equals("\ud800")
                ? new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
                : safe.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString().length() > 6000 ? encoded.substring(0, 6000) : encoded.toString();
    }

    /** Header values cannot carry line breaks or NUL; what is left of the odd value is sent. */
    private static String headerSafe(String value) {
        String safe = value.replace(LONE_SURROGATE, "?").replaceAll("[\\x00-\\x1f\\x7f]", "?");
        StringBuilder ascii = new StringBuilder();
        safe.codePoints().forEach(c -> ascii.append(c < 0x7f ? (char) c : '?'));
        return ascii.length() > 4000 ? ascii.substring(0, 4000) : ascii.toString();
    }

    private static String shorten(String value) {
        String printable = value.replace("\u0000", "\\0");
        return printable.length() > 30 ? printable.substring(0, 30) + "…(" + value.length() + ")" : printable;
    }
}
