package io.flowpol.inference.coverage;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts of records by what happened to them before joining: the input side of the findings.
 * Mutable, filled by the hot loop; plain fields so that counting costs an increment.
 */
public final class RecordTally {
    public long accepted;
    public long rejected;
    public long nodata;
    public long skipdata;
    public long outsideWindow;
    /** Records without a source or destination address. */
    public long incomplete;
    /** Records between node addresses carrying IP-in-IP or VXLAN (DESIGN.md fact 12). */
    public long overlay;
    public boolean sawPktAddresses;
    public boolean sawTcpFlags;
    private final Set<Long> skipdataInterfaces = new HashSet<>();
    private long skipdataFrom = Long.MAX_VALUE;
    private long skipdataTo = Long.MIN_VALUE;

    /** A SKIPDATA record: data was lost on that interface in that interval (fact 8). */
    public void skipdata(long interfaceId, long start, long end) {
        skipdata++;
        skipdataInterfaces.add(interfaceId);
        if (start >= 0) {
            skipdataFrom = Math.min(skipdataFrom, start);
        }
        skipdataTo = Math.max(skipdataTo, end);
    }

    public int skipdataInterfaces() {
        return skipdataInterfaces.size();
    }

    public long skipdataFrom() {
        return skipdataFrom;
    }

    public long skipdataTo() {
        return skipdataTo;
    }
}
