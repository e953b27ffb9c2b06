package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded change of one object: {@code time} in epoch ms ({@link Long#MIN_VALUE} for an
 * item of a snapshot without time), {@code type} ADDED, MODIFIED, DELETED or BOOKMARK,
 * {@code kind} of the object, and where it was read, for messages.
 */
record WatchEvent(long time, String type, String kind, JsonNode object, String file, long line) {

    static final long UNTIMED = Long.MIN_VALUE;

    boolean deleted() {
        return "DELETED".equals(type);
    }

    String namespace() {
        return KubeJson.text(object, "metadata", "namespace");
    }

    String name() {
        return KubeJson.text(object, "metadata", "name");
    }

    String where() {
        return file + ":" + line;
    }
}
