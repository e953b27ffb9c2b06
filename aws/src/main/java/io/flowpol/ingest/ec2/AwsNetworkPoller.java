package io.flowpol.ingest.ec2;

import io.flowpol.ingest.inventory.AwsNetworkReader;
import io.flowpol.ingest.record.ClusterRecorder;
import io.flowpol.ingest.record.RecordingWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code record --aws-network live}: one inventory snapshot of the VPC per poll, written into the
 * recording as the events {@link AwsNetworkSnapshots} makes, all with the time the snapshot was
 * taken (its start: the EC2 answers describe the VPC as of then or later).
 */
public final class AwsNetworkPoller implements ClusterRecorder.Poller {
    private final Ec2NetworkReader reader;
    private final String vpcId;
    private final AwsNetworkSnapshots snapshots;
    private final Clock clock;
    private long polls;

    public AwsNetworkPoller(Ec2NetworkReader reader, String vpcId, String region, Clock clock) {
        this.reader = reader;
        this.vpcId = vpcId;
        this.snapshots = new AwsNetworkSnapshots(vpcId, region);
        this.clock = clock;
    }

    @Override
    public void poll(RecordingWriter writer) {
        Instant at = clock.instant();
        var snapshot = reader.snapshot(vpcId);
        // Checked as a file would be before it is written: a malformed answer stops the first poll.
        new AwsNetworkReader().read(Ec2NetworkReader.source(vpcId), snapshot);
        for (AwsNetworkSnapshots.Event e : snapshots.next(snapshot)) {
            writer.writeJson(at, e.type(), e.object().toString());
        }
        polls++;
    }

    public long polls() {
        return polls;
    }
}
