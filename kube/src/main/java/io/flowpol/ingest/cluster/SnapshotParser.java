package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.RecordingFileParser.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code kubectl get ... -o json} List as ADDED events. Typed lists ({@code PodList}) may
 * omit {@code kind} on their items, so the item kind defaults to the list kind minus
 * {@code List}. kubectl prints {@code items} before {@code kind}, hence items are collected
 * first and typed at the end. A List carries no time: its events are untimed
 * ({@link WatchEvent#UNTIMED}) unless the document has a top-level RFC 3339 {@code time}
 * (an extension for recorders that stamp their snapshots).
 */
final class SnapshotParser {

    /** Opens the file again from its start. */
    interface Source {
        Reader open() throws IOException;
    }

    private record Item(JsonNode object, long line) {
    }

    private final ObjectMapper mapper;

    SnapshotParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<WatchEvent> parse(String file, Source source) throws IOException {
        List<Item> items = null;
        String listKind = null;
        JsonNode timeNode = null;
        long timeLine = 0;
        try (Reader reader = source.open(); JsonParser parser = mapper.getFactory().createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fail(file, RecordingFileParser.lineOf(parser), "", "a JSON object", String.valueOf(parser.currentToken()));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    items = items(parser);
                } else if ("kind".equals(field)) {
                    listKind = parser.getValueAsString();
                } else if ("time".equals(field)) {
                    timeLine = RecordingFileParser.lineOf(parser);
                    timeNode = mapper.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw fail(file, RecordingFileParser.lineOf(parser), "", "one JSON document", "more content after it");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw fail(file, line, "", "watch events (JSON Lines) or a kubectl List", "invalid JSON: " + e.getOriginalMessage());
        }
        if (items == null) {
            throw fail(file, 1, "items", "watch events (JSON Lines) or a kubectl List with items", "no items");
        }
        long time = timeNode == null ? WatchEvent.UNTIMED : RecordingFileParser.time(file, timeLine, timeNode);
        return events(file, items, listKind, time);
    }

    private List<Item> items(JsonParser parser) throws IOException {
        List<Item> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long line = RecordingFileParser.lineOf(parser);
            items.add(new Item(mapper.readTree(parser), line));
        }
        return items;
    }

    private static List<WatchEvent> events(String file, List<Item> items, String listKind, long time) {
        String itemKind = listKind != null && listKind.endsWith("List") && !"List".equals(listKind)
                ? listKind.substring(0, listKind.length() - "List".length())
                : null;
        List<WatchEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (!item.object().isObject()) {
                throw fail(file, item.line(), "items[" + i + "]", "a Kubernetes object", RecordingFileParser.snippet(item.object().toString()));
            }
            String kind = KubeJson.text(item.object(), "kind");
            if (kind == null) {
                kind = itemKind;
            }
            if (kind == null) {
                throw fail(file, item.line(), "items[" + i + "].kind", "the kind of the object (a generic List names it per item)", "nothing");
            }
            events.add(new WatchEvent(time, "ADDED", kind, ObjectTrimmer.trim(kind, item.object()), file, item.line()));
        }
        return events;
    }
}
