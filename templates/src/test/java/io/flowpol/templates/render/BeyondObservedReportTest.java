package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.PeerKind;
import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 3: a surprise row gets the unexpected table and the summary's count. */
class BeyondObservedReportTest {
    @TempDir
    Path tmp;

    @Test
    void aWidenedRuleIsListedAsUnexpectedAndCounted() throws IOException {
        OutputModel sample = SampleModel.model();
        ConnectionSet pg = ConnectionSet.of(Protocol.TCP, PortSet.of(5432));
        NewReachability widened = new NewReachability(SampleModel.DB, PolicyType.INGRESS, PeerKind.VPC,
                List.of(PeerKind.VPC), List.of("10.0.0.0/16"), "10.0.0.0/16", List.of(), null, List.<WorkloadId>of(),
                pg, pg, 65536, 65536, 1, 0);
        List<BeyondObserved> rows = new ArrayList<>(sample.beyondObserved());
        rows.add(0, new BeyondObserved(widened, null));
        OutputModel model = new OutputModel(sample.policies(), sample.result(), sample.cluster(), sample.input(),
                sample.ingestFindings(), rows);

        new OutputRenderer(null).render(tmp.resolve("out"), model);

        String report = Files.readString(tmp.resolve("out").resolve("report.md"));
        assertTrue(report.contains("| allowed beyond what was observed: unexpected | 1 |"), report);
        assertTrue(report.contains("| data/StatefulSet/db | ingress from | 10.0.0.0/16 | VPC addresses | TCP 5432 "
                + "| 65536 addresses x 1 port | never: 0 connections |\n"), report);
        assertTrue(!report.contains("Nothing unexpected"), report);
    }
}
