package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * JSON over the JDK HTTP client for the forge clients: one place that sends a call, turns a non-2xx
 * answer into a {@link ForgeException} with the forge's own error text and a hint per status, and
 * keeps the token out of every message (it travels only in the header the client names).
 */
final class ForgeHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String forge;
    private final URI api;
    private final Map<String, String> headers;
    private final String token;
    private final IntFunction<String> hints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /**
     * @param forge "GitHub" or "GitLab", the start of every message
     * @param headers sent with every call, the one carrying the token included
     * @param hints what to tell the user about a status (": the token was rejected; …"), "" for none
     */
    ForgeHttp(String forge, URI api, Map<String, String> headers, String token, IntFunction<String> hints) {
        String base = api.toString();
        this.forge = forge;
        this.api = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.headers = Map.copyOf(headers);
        this.token = token;
        this.hints = hints;
    }

    /** @param path already encoded, starting with "/" */
    JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "flowpol");
        headers.forEach(request::header);
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new ForgeException(describe(method, path, response), response.statusCode());
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            // No Java class name in the message (issue 12 item 11); the JDK's client often gives no text at all.
            String why = e instanceof java.net.ConnectException ? "cannot connect"
                    : e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : redact(io.flowpol.inference.model.IoReason.of(e));
            throw new ForgeException(forge + " API " + method + " " + api + path + ": " + why, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException(forge + " API " + method + " " + path + ": interrupted", 0);
        }
    }

    private String describe(String method, String path, HttpResponse<byte[]> response) {
        String detail = "";
        try {
            detail = errorText(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        return forge + " API " + method + " " + path + " answered " + response.statusCode()
                + hints.apply(response.statusCode()) + (detail.isEmpty() ? "" : ": " + redact(detail));
    }

    /**
     * GitHub answers {@code {"message": …, "errors": [{"message": …}]}}; GitLab {@code {"message": …}}
     * where the message may be a string, a list or a map of field → list, or {@code {"error": …}}.
     */
    private static String errorText(JsonNode error) {
        JsonNode message = error.has("message") ? error.get("message") : error.path("error");
        String detail = message.isTextual() ? message.asText() : message.isMissingNode() ? "" : message.toString();
        JsonNode errors = error.path("errors");
        if (errors.isArray() && errors.size() > 0) {
            detail += " (" + errors.get(0).path("message").asText(errors.get(0).toString()) + ")";
        }
        return detail;
    }

    String redact(String text) {
        return token == null || token.isEmpty() ? text : text.replace(token, "***");
    }
}
