package io.flowpol.cli.fuzz;

import java.util.Arrays;

/**
 * What the default fuzz run leaves out while other helpers of issue 12 fix it on their branches:
 * the mutation kinds (or, where leaving the kind out would empty a property, the one symptom)
 * that reproduce a defect already known and being fixed. Each has a minimal reproducer in
 * {@link KnownDefectsTest}, {@code @Disabled} until that branch is merged; then delete the entry
 * here and enable the test. {@code -Dflowpol.fuzz.known=true} puts all of them back, to see which
 * are fixed.
 */
final class KnownDefects {
    static final boolean INCLUDED = Boolean.getBoolean("flowpol.fuzz.known");

    private KnownDefects() {
    }

    /**
     * Issue 12 item 8, flow-log header checks (branch h-inputs): a header that lost a field the
     * pipeline needs (srcport, protocol) is accepted and generate exits 3 on TCP/0 or -1/8080
     * edges. Any edit of the header line can drop a field, so header lines are left alone.
     */
    static boolean headerEdits() {
        return INCLUDED;
    }

    /**
     * Issue 12 items 5, 6, 12, ICMP and other protocols (branch h-inference): records of a
     * protocol other than TCP and UDP (0, 1 ICMP, 47 GRE, ...) make generate exit 3. Field edits
     * of the protocol column (field 8 of v2 and v5, index 7; edits pick an index modulo the line's
     * 14 or 23 fields) are left out; byte-level edits can still reach it in long runs.
     */
    static Gen<Integer> outsideProtocolColumn(Gen<Integer> fields) {
        if (INCLUDED) {
            return fields;
        }
        return r -> {
            int f = fields.next(r);
            while (Math.floorMod(f, 14) == 7 || Math.floorMod(f, 23) == 7) {
                f = fields.next(r);
            }
            return f;
        };
    }

    /**
     * Issue 12, recording validation (relabelled pods): a pod whose labels no longer match its
     * controller's selector makes generate exit 3 (its workload's policy does not select it).
     */
    static boolean relabelledPods() {
        return INCLUDED;
    }

    /**
     * Issue 12, CLI messages with Java class names: a corrupt gzip object is reported as
     * "found ZipException: ...". Leaving gzip corruption out would empty the gzip property, so
     * this one symptom is tolerated (everything else about those runs is still checked).
     */
    static String withoutToleratedClassNames(String text) {
        return INCLUDED ? text : text.replace("found ZipException: ", "found ");
    }

    /**
     * Issue 12 item 6, --min-connections and the self-check (branch h-inference): the self-check
     * replays the edges left out too, so generate exits 3 once N exceeds an edge's count.
     */
    static boolean allowed(OptionChoice option) {
        return INCLUDED || option != OptionChoice.MIN_CONNECTIONS_TEN;
    }

    /** Applies the mutation to every line but the first (an S3 flow log's header). */
    record KeepHeader(Mutation mutation) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int end = 0;
            while (end < in.length && in[end] != '\n') {
                end++;
            }
            if (end == in.length) {
                return in;
            }
            byte[] body = mutation.apply(Arrays.copyOfRange(in, end + 1, in.length));
            return ByteMutations.splice(body, 0, 0, Arrays.copyOf(in, end + 1));
        }
    }
}
