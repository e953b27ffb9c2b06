package io.flowpol.ingest.flowlog;

/**
 * How {@link FlowLogReader} reads.
 *
 * @param format the format of every file, overriding header lines; null to use each file's
 *     header line and, without one, the {@link FlowLogFormat#V2_DEFAULT v2 default}
 * @param strict stop at the first malformed line with an
 *     {@link io.flowpol.inference.model.InputException} instead of counting and skipping it
 * @param maxProblemSamples how many malformed-line problems {@link FlowLogStats} keeps
 */
public record FlowLogOptions(FlowLogFormat format, boolean strict, int maxProblemSamples) {

    /** Header or v2 default, lenient, 20 problem samples. */
    public static final FlowLogOptions DEFAULTS = new FlowLogOptions(null, false, 20);

    public FlowLogOptions {
        if (maxProblemSamples < 0) {
            throw new IllegalArgumentException("maxProblemSamples < 0: " + maxProblemSamples);
        }
    }
}
