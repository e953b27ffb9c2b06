package io.flowpol.bench;

import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.orient.Orientation;
import io.flowpol.inference.orient.PortDeclarations;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.timeline.ClusterTimeline;

/**
 * The bench's middle stage: per accepted record, the real {@link EndpointResolver} and
 * {@link Orientation} calls that {@code FlowInference} makes, without the join and aggregation,
 * so that the table shows what resolving and orienting cost on top of parsing. Keeps a checksum
 * of the answers so that the JIT cannot drop the work.
 */
final class ResolveOrientSink implements FlowSink {
    private final EndpointResolver resolver;
    private final Endpoints endpoints;
    private final Orientation orientation;
    private long checksum;

    ResolveOrientSink(ClusterTimeline cluster, InferenceOptions options) {
        resolver = new EndpointResolver(cluster, options.vpcCidrs());
        endpoints = resolver.endpoints();
        orientation = new Orientation(new PortDeclarations(resolver, new PodIndex(cluster.pods()), cluster.services()));
    }

    @Override
    public void accept(FlowRecord r) {
        // The same records FlowInference goes on to resolve: data-bearing, accepted, with addresses.
        if (r.logStatus != FlowRecord.STATUS_OK || r.action != FlowRecord.ACTION_ACCEPT
                || !(r.hasSrcAddr || r.hasPktSrcAddr) || !(r.hasDstAddr || r.hasPktDstAddr)) {
            return;
        }
        long end = r.endMillis >= 0 ? r.endMillis : r.startMillis;
        int src = r.hasPktSrcAddr ? resolver.resolve(r.pktSrcHi, r.pktSrcLo, r.startMillis, end)
                : resolver.resolve(r.srcHi, r.srcLo, r.startMillis, end);
        int dst = r.hasPktDstAddr ? resolver.resolve(r.pktDstHi, r.pktDstLo, r.startMillis, end)
                : resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end);
        boolean srcAmbiguous = endpoints.kind(src) == EndpointKind.NODE && !r.hasPktSrcAddr;
        boolean dstAmbiguous = endpoints.kind(dst) == EndpointKind.NODE && !r.hasPktDstAddr;
        boolean reply = Orientation.sourceIsServer(orientation.orient(r.protocol, r.tcpFlags, r.startMillis, src,
                srcAmbiguous, r.srcPort, endpoints.anchor(src), dst, dstAmbiguous, r.dstPort, endpoints.anchor(dst)));
        checksum += (reply ? dst : src) * 31L + (reply ? src : dst);
    }

    long checksum() {
        return checksum;
    }
}
