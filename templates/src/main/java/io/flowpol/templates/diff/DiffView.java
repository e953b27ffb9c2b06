package io.flowpol.templates.diff;

import java.util.List;

/**
 * What {@code diff.md.ftl} and {@code diff.txt.ftl} lay out: every string already escaped for
 * the target format, every list sorted (broken edges first), counts precomputed.
 * {@code filesOmitted}: the document diffs were left out to fit a pull-request body.
 */
public record DiffView(String currentName, String proposedName, boolean breaks, String headline, Counts counts,
                       List<EdgeRow> broken, List<EdgeRow> stillDenied, List<EdgeRow> fixed,
                       List<ServerGroup> overPermission, List<ReachRow> unobserved, List<FileDiff> files,
                       boolean filesOmitted, List<FindingRow> findings, List<NewRow> newReachability,
                       List<EdgeRow> staged, List<SnatRow> snat) {
    public DiffView {
        staged = List.copyOf(staged);
        snat = List.copyOf(snat);
        newReachability = List.copyOf(newReachability);
        broken = List.copyOf(broken);
        stillDenied = List.copyOf(stillDenied);
        fixed = List.copyOf(fixed);
        overPermission = List.copyOf(overPermission);
        unobserved = List.copyOf(unobserved);
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** The same view without document diffs (they are in the pull request's files) and findings. */
    DiffView forPullRequest(boolean omitFiles) {
        return new DiffView(currentName, proposedName, breaks, headline, counts, broken, stillDenied, fixed,
                overPermission, unobserved, omitFiles ? List.of() : files, omitFiles, List.of(), newReachability, staged,
                snat);
    }

    /** The numbers of the summary table. */
    public record Counts(long observed, long broken, long stillDenied, long fixed, long unchanged,
                         long overPermission, long unobserved, long added, long removed, long changed,
                         long unchangedDocuments, long newReachability, long snatDestinations, long snatMayDeny) {
    }

    /**
     * SNAT-ed egress to one destination and port (issue 14 item 3): {@code after} what the set
     * allows of its candidates (all, some, none), {@code before} the same today ("-" in verify),
     * {@code denied} which connections it may deny, {@code candidates} each with its verdict.
     */
    public record SnatRow(String destination, String connections, String after, String before, String denied,
                          String candidates) {
    }

    /**
     * What the proposal newly allows for one workload and direction towards one peer, riskiest
     * first: {@code peer} a CIDR list or a namespace's workloads, {@code kinds} e.g. {@code the
     * internet, VPC addresses}, {@code size} how much is new (addresses or workloads x ports).
     */
    public record NewRow(String workload, String direction, String peer, String kinds, String ports, String size,
                         String observed, String summary) {
    }

    /** An observed edge: {@code decision} is what denies it (or denied it today, for a fixed one). */
    public record EdgeRow(String client, String server, String port, String connections, String lastSeen,
                          String decision) {
    }

    /** Pairs the proposal allows without any observed flow, for one server workload. */
    public record ServerGroup(String server, List<ReachRow> rows) {
        public ServerGroup {
            rows = List.copyOf(rows);
        }
    }

    /** A workload pair and port; {@code before}/{@code after} are {@code allowed} or {@code denied}. */
    public record ReachRow(String client, String server, String port, String before, String after) {
    }

    /**
     * One changed document: {@code status} added, removed or changed; {@code collapsed} when it is
     * long enough to fold into {@code <details>}; {@code fence} a code fence longer than any
     * backtick run in {@code body}.
     */
    public record FileDiff(String key, String status, int changedLines, String body, String fence, boolean collapsed) {
    }

    public record FindingRow(String severity, String code, String message, long count) {
    }
}
