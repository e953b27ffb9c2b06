package io.flowpol.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.ingest.inventory.RecordedInventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive inventory snapshots ({@link Ec2NetworkReader#snapshot}) into recording events
 * (README "Recording format"): an {@code AwsNetworkInterface} event per ENI that appeared
 * ({@code ADDED}), changed ({@code MODIFIED}: addresses assigned or released, attached or
 * detached) or vanished ({@code DELETED}) since the previous snapshot, then one
 * {@code AwsNetworkSnapshot} event naming every ENI listed and the VPC's subnets, CIDRs and
 * endpoints. Unchanged ENIs are not written again: a day of 5-minute snapshots of a quiet VPC
 * costs a few hundred small lines, not 288 copies of every ENI.
 */
public final class AwsNetworkSnapshots {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One event to write: {@code type} ADDED, MODIFIED or DELETED and the object. */
    public record Event(String type, ObjectNode object) {
    }

    private final String vpcId;
    private final String region;
    private final Map<String, JsonNode> written = new HashMap<>();

    public AwsNetworkSnapshots(String vpcId, String region) {
        this.vpcId = vpcId;
        this.region = region;
    }

    /** The events that take the recording from the previous snapshot to this one. */
    public List<Event> next(ObjectNode snapshot) {
        List<Event> events = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode eni : snapshot.path("NetworkInterfaces")) {
            String id = eni.path("NetworkInterfaceId").asText(null);
            if (id == null || !listed.add(id)) {
                continue;
            }
            JsonNode before = written.put(id, eni);
            if (before == null) {
                events.add(new Event("ADDED", eniObject(id, eni)));
            } else if (!before.equals(eni)) {
                events.add(new Event("MODIFIED", eniObject(id, eni)));
            }
        }
        for (String id : List.copyOf(written.keySet())) {
            if (!listed.contains(id)) {
                events.add(new Event("DELETED", eniObject(id, written.remove(id))));
            }
        }
        ObjectNode marker = object(RecordedInventory.SNAPSHOT_KIND, vpcId);
        marker.put("vpcId", vpcId);
        if (region != null) {
            marker.put("region", region);
        }
        ArrayNode ids = marker.putArray("networkInterfaceIds");
        listed.forEach(ids::add);
        for (String key : List.of("Subnets", "Vpcs", "VpcEndpoints")) {
            marker.set(key, snapshot.path(key).isArray() ? snapshot.get(key) : JSON.arrayNode());
        }
        events.add(new Event("ADDED", marker));
        return events;
    }

    private static ObjectNode eniObject(String id, JsonNode eni) {
        ObjectNode o = object(RecordedInventory.ENI_KIND, id);
        o.set("networkInterface", eni);
        return o;
    }

    private static ObjectNode object(String kind, String name) {
        ObjectNode o = JSON.objectNode();
        o.put("apiVersion", RecordedInventory.API_VERSION);
        o.put("kind", kind);
        o.putObject("metadata").put("name", name);
        return o;
    }
}
