package de.impftermin.support;

import java.net.http.HttpHeaders;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One answer of the API: status, headers and the body, parsed as JSON on demand. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The problem's machine-readable {@code code}, or empty if the body is not a problem document. */
    public String problemCode() {
        if (!contentType().startsWith("application/problem+json")) {
            return "";
        }
        return json().path("code").asString("");
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
}
