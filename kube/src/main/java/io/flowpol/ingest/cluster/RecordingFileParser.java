package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads one recording file into events, detecting its format: JSON Lines of watch events
 * ({@code {"time","type","object"}} per line, DESIGN.md "Contracts"), or one JSON document with
 * {@code items} ({@code kubectl get -o json}), which {@link SnapshotParser} turns into ADDED
 * events. Files ending in {@code .gz} are gunzipped. Any malformed event is fatal.
 */
final class RecordingFileParser {

    private static final Set<String> TYPES = Set.of("ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR");
    private static final String TYPES_TEXT = "ADDED, MODIFIED, DELETED, BOOKMARK or ERROR";

    /** The first field of a watch event line; a List starts with {@code apiVersion}, {@code kind} or {@code items}. */
    private static final Set<String> EVENT_FIELDS = Set.of("time", "type", "object");

    /** Per line: one document only, so two events pasted on one line are not half-read. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final int maxLine;

    RecordingFileParser() {
        this(RecordingLines.MAX_LINE);
    }

    /** With a chosen line length cap, so that tests need no huge files. */
    RecordingFileParser(int maxLine) {
        this.maxLine = maxLine;
    }

    /** The events of one file, in file order. */
    List<WatchEvent> parse(Path file) {
        String name = file.toString();
        try (BufferedReader reader = open(file)) {
            List<WatchEvent> events = new ArrayList<>();
            RecordingLines lines = new RecordingLines(reader, name, maxLine);
            String text;
            while ((text = lines.next()) != null) {
                long line = lines.lineNumber();
                if (text.isBlank()) {
                    continue;
                }
                if (events.isEmpty()) {
                    JsonNode first = firstDocument(name, line, text);
                    if (first == null || first.has("items") && !first.has("object")) {
                        return new SnapshotParser(new ObjectMapper()).parse(name, () -> open(file));
                    }
                }
                events.add(event(name, line, text));
            }
            if (events.isEmpty()) {
                throw fail(name, 0, "", "watch events (JSON Lines) or a kubectl List", "an empty file");
            }
            return events;
        } catch (NoSuchFileException e) {
            throw fail(name, 0, "", "a cluster recording file", "no such file");
        } catch (IOException e) {
            String found = Files.isDirectory(file) ? "a directory (name the recording file inside it)"
                    : io.flowpol.inference.model.IoReason.of(e);
            throw new InputException(InputProblem.error(name, 0, "", "a readable recording file", found), e);
        }
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        // Editors on Windows may prefix a UTF-8 byte order mark; it is not part of the JSON.
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * The first line as a whole JSON object, or null when it is the start of a longer document
     * (a pretty-printed List). A first line that starts like a watch event but does not parse is
     * that line's error (issue 12, item 11: it was read as the start of a List and reported on
     * line 2).
     */
    private JsonNode firstDocument(String file, long line, String text) {
        if (text.strip().charAt(0) != '{') {
            throw fail(file, line, "", "a JSON object", snippet(text));
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            if (startsLikeEvent(text)) {
                throw fail(file, line, "", "a complete JSON watch event on one line", snippet(text));
            }
            return null;
        }
    }

    /** Whether the object on this line opens with a field of a watch event. */
    private boolean startsLikeEvent(String text) {
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && EVENT_FIELDS.contains(parser.currentName());
        } catch (IOException e) {
            return false;
        }
    }

    private WatchEvent event(String file, long line, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw fail(file, line, "", "a JSON watch event", snippet(text));
        }
        if (node == null || !node.isObject()) {
            throw fail(file, line, "", "a JSON watch event", snippet(text));
        }
        String type = KubeJson.text(node, "type");
        if (type == null || !TYPES.contains(type)) {
            throw fail(file, line, "type", TYPES_TEXT, type == null ? "nothing" : type);
        }
        JsonNode object = node.path("object");
        if (!object.isObject()) {
            throw fail(file, line, "object", "a Kubernetes object", object.isMissingNode() ? "nothing" : snippet(object.toString()));
        }
        long time = time(file, line, node.path("time"));
        String kind = KubeJson.text(object, "kind");
        kind = kind == null ? "" : kind;
        return new WatchEvent(time, type, kind, ObjectTrimmer.trim(kind, object), file, line);
    }

    static long time(String file, long line, JsonNode time) {
        String text = time.isTextual() ? time.asText() : null;
        if (text == null) {
            throw fail(file, line, "time", "an RFC 3339 time", time.isMissingNode() ? "nothing" : time.toString());
        }
        try {
            return Rfc3339.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(file, line, "time", "an RFC 3339 time", text);
        }
    }

    static long lineOf(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return location == null ? 0 : location.getLineNr();
    }

    static InputException fail(String file, long line, String field, String expected, String found) {
        return new InputException(InputProblem.error(file, line, field, expected, found));
    }

    static String snippet(String text) {
        String s = text.strip();
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
