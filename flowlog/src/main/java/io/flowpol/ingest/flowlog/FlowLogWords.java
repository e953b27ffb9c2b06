package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import java.nio.charset.StandardCharsets;

/**
 * The fixed words of the {@code action}, {@code log-status} and {@code flow-direction} fields
 * (AWS VPC Flow Logs record reference), read as {@link FlowRecord} codes. Shared by the checked
 * and the fast parsing paths so that they cannot disagree on a word; any other word gives the
 * field's NONE code, which the caller reports or falls back on.
 */
final class FlowLogWords {
    private static final byte[] ACCEPT = ascii("ACCEPT");
    private static final byte[] REJECT = ascii("REJECT");
    private static final byte[] OK = ascii("OK");
    private static final byte[] NODATA = ascii("NODATA");
    private static final byte[] SKIPDATA = ascii("SKIPDATA");
    private static final byte[] INGRESS = ascii("ingress");
    private static final byte[] EGRESS = ascii("egress");

    private FlowLogWords() {
    }

    /** {@code ACCEPT} or {@code REJECT}; {@link FlowRecord#ACTION_NONE} for anything else. */
    static byte action(byte[] buf, int s, int e) {
        if (ByteFields.equalsAscii(buf, s, e, ACCEPT)) {
            return FlowRecord.ACTION_ACCEPT;
        }
        if (ByteFields.equalsAscii(buf, s, e, REJECT)) {
            return FlowRecord.ACTION_REJECT;
        }
        return FlowRecord.ACTION_NONE;
    }

    /** {@code OK}, {@code NODATA} or {@code SKIPDATA}; {@link FlowRecord#STATUS_NONE} for anything else. */
    static byte logStatus(byte[] buf, int s, int e) {
        if (ByteFields.equalsAscii(buf, s, e, OK)) {
            return FlowRecord.STATUS_OK;
        }
        if (ByteFields.equalsAscii(buf, s, e, NODATA)) {
            return FlowRecord.STATUS_NODATA;
        }
        if (ByteFields.equalsAscii(buf, s, e, SKIPDATA)) {
            return FlowRecord.STATUS_SKIPDATA;
        }
        return FlowRecord.STATUS_NONE;
    }

    /** {@code ingress} or {@code egress}; {@link FlowRecord#DIRECTION_NONE} for anything else. */
    static byte direction(byte[] buf, int s, int e) {
        if (ByteFields.equalsAscii(buf, s, e, INGRESS)) {
            return FlowRecord.DIRECTION_INGRESS;
        }
        if (ByteFields.equalsAscii(buf, s, e, EGRESS)) {
            return FlowRecord.DIRECTION_EGRESS;
        }
        return FlowRecord.DIRECTION_NONE;
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }
}
