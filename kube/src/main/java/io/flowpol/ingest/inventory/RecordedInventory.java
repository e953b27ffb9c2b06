package io.flowpol.ingest.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.model.VpcAddressSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS network inventory a recording holds ({@code record --aws-network live}, README
 * "Recording format"), as a timed inventory: an ENI's addresses belong to it from the snapshot
 * that first listed it ({@code ADDED}) until the first that no longer did ({@code DELETED}, or a
 * later {@code AwsNetworkSnapshot} event whose {@code networkInterfaceIds} omit it). Events are
 * applied in time order; an ENI's fields are checked as a file's would be, naming the line.
 */
public final class RecordedInventory {
    public static final String API_VERSION = "flowpol.io/v1";
    /** One ENI: {@code networkInterface} is what describe-network-interfaces prints for it. */
    public static final String ENI_KIND = "AwsNetworkInterface";
    /** One poll: the ENI ids it listed, and the VPC's Subnets, Vpcs and VpcEndpoints. */
    public static final String SNAPSHOT_KIND = "AwsNetworkSnapshot";

    private record Open(JsonNode eni, String file, long line, long from) {
    }

    private record Closed(Open open, long to) {
    }

    private final Map<String, Open> open = new HashMap<>();
    private final List<Closed> closed = new ArrayList<>();
    private final AwsNetworkReader.Collected vpcs = new AwsNetworkReader.Collected();
    private int snapshots;

    public static boolean isInventoryKind(String kind) {
        return ENI_KIND.equals(kind) || SNAPSHOT_KIND.equals(kind);
    }

    /** Applies one event of an inventory kind; {@code time} in epoch ms. */
    public void apply(long time, String type, String kind, JsonNode object, String file, long line) {
        if (SNAPSHOT_KIND.equals(kind)) {
            snapshot(time, object, file, line);
            return;
        }
        String id = object.path("metadata").path("name").asText(null);
        if (id == null) {
            throw new InputException(InputProblem.error(file, line, "object.metadata.name", "the ENI id (eni-...)", "nothing"));
        }
        Open previous = open.remove(id);
        if (previous != null) {
            closed.add(new Closed(previous, time));
        }
        if ("DELETED".equals(type)) {
            return;
        }
        JsonNode eni = object.get("networkInterface");
        try {
            // Checked now, to name this line; read again at the end, when the endpoints' services are known.
            AwsNetworkReader.addresses(file, "networkInterface", eni, Map.of());
        } catch (InputException e) {
            throw atLine(e, line);
        }
        open.put(id, new Open(eni, file, line, time));
    }

    private void snapshot(long time, JsonNode object, String file, long line) {
        snapshots++;
        try {
            AwsNetworkReader.collectVpcs(file, object, "object", vpcs);
            JsonNode ids = AwsNetworkReader.array(file, object, "networkInterfaceIds", "object");
            Set<String> listed = new HashSet<>();
            ids.forEach(id -> listed.add(id.asText()));
            if (object.has("networkInterfaceIds")) {
                // An ENI gone while nobody recorded (a restarted recorder) ends at this snapshot.
                for (String id : List.copyOf(open.keySet())) {
                    if (!listed.contains(id)) {
                        closed.add(new Closed(open.remove(id), time));
                    }
                }
            }
        } catch (InputException e) {
            throw atLine(e, line);
        }
    }

    private static InputException atLine(InputException e, long line) {
        InputProblem p = e.problem();
        return new InputException(InputProblem.error(p.file(), line, p.field().startsWith("object") ? p.field()
                : "object." + p.field(), p.expected(), p.found()), e);
    }

    /** Whether the recording held any inventory event. */
    public boolean isEmpty() {
        return snapshots == 0 && open.isEmpty() && closed.isEmpty();
    }

    /** The timed inventory; {@link NetworkInventory#EMPTY} when the recording held none. */
    public NetworkInventory finish() {
        if (isEmpty()) {
            return NetworkInventory.EMPTY;
        }
        List<Closed> all = new ArrayList<>(closed);
        open.values().forEach(o -> all.add(new Closed(o, Long.MAX_VALUE)));
        List<VpcAddressSpan> spans = new ArrayList<>();
        for (Closed c : all) {
            if (c.to() <= c.open().from()) {
                continue;
            }
            for (VpcAddress a : AwsNetworkReader.addresses(c.open().file(), "networkInterface", c.open().eni(), vpcs.serviceByEni)) {
                spans.add(new VpcAddressSpan(a, c.open().from(), c.to()));
            }
        }
        return NetworkInventory.timed(spans, vpcs.vpcIds, vpcs.cidrs);
    }
}
