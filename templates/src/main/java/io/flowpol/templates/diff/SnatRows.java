package io.flowpol.templates.diff;

import io.flowpol.inference.diff.SnatChange;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.snat.SnatVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rows of the "SNAT-ed egress" section of {@code diff} and {@code verify} (issue 14 item 3):
 * per external destination and port whose sender a node's SNAT hides, the candidate workloads,
 * whether the policy set allows them there (all, some, none), and which connections it may deny.
 */
final class SnatRows {
    private SnatRows() {
    }

    /** The rows worth showing of a diff: the proposal may deny, or decides otherwise than today. */
    static List<DiffView.SnatRow> of(List<SnatChange> changes, UnaryOperator<String> cell) {
        List<DiffView.SnatRow> out = new ArrayList<>();
        for (SnatChange c : changes) {
            if (c.notable()) {
                out.add(row(c.after(), reach(c.before()), cell));
            }
        }
        return out;
    }

    /** The rows of one policy set that may deny SNAT-ed connections. */
    static List<DiffView.SnatRow> denying(List<SnatVerdict> verdicts, UnaryOperator<String> cell) {
        List<DiffView.SnatRow> out = new ArrayList<>();
        for (SnatVerdict v : verdicts) {
            if (v.mayDeny()) {
                out.add(row(v, "-", cell));
            }
        }
        return out;
    }

    private static DiffView.SnatRow row(SnatVerdict v, String before, UnaryOperator<String> cell) {
        var a = v.attribution();
        String destination = a.destination() + " " + Protocol.name(a.protocol()) + "/" + a.port();
        String connections = a.connections() + " connections from " + a.nodeText();
        return new DiffView.SnatRow(cell.apply(destination), cell.apply(connections), cell.apply(reach(v)), cell.apply(before),
                cell.apply(denied(v)), cell.apply(candidates(v)));
    }

    /** {@code allowed from every candidate (4)}, {@code from 1 of 4 candidates}, {@code from none of 4}. */
    static String reach(SnatVerdict v) {
        int n = v.candidates().size();
        return switch (v.reach()) {
            case ALL -> "allowed from every candidate (" + n + ")";
            case SOME -> "allowed from " + v.allowedCandidates() + " of " + n + " candidates";
            case NONE -> "allowed from none of " + n + " candidate" + (n == 1 ? "" : "s");
        };
    }

    private static String denied(SnatVerdict v) {
        List<String> parts = new ArrayList<>();
        if (v.allowedFromNone() > 0) {
            parts.add(v.allowedFromNone() + " connections denied whichever candidate sent them");
        }
        if (v.allowedFromSome() > 0) {
            parts.add(v.allowedFromSome() + " denied if a denied candidate sent them");
        }
        if (v.allowedFromAll() > 0) {
            parts.add(v.allowedFromAll() + " allowed whichever candidate sent them");
        }
        if (v.unattributed() > 0) {
            parts.add(v.unattributed() + " with no pod candidate (the node's own)");
        }
        return String.join("; ", parts);
    }

    private static String candidates(SnatVerdict v) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<WorkloadId, Boolean> e : v.candidates().entrySet()) {
            parts.add(e.getKey() + (e.getValue() ? " allowed" : " denied"));
        }
        String text = String.join(", ", parts);
        if (!v.hostNetwork().isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + "hostNetwork, no pod policy applies: "
                    + String.join(", ", v.hostNetwork().stream().map(WorkloadId::toString).toList());
        }
        return text;
    }
}
