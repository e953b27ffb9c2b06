package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered columns of a flow-log format (DESIGN.md fact 8). A column is a known
 * {@link FlowLogField} or, for a header line written by a newer AWS than this code knows, an
 * ignored column whose name is kept in {@link #ignoredColumns()}.
 *
 * <p>Immutable; equal when the column names are equal, so it can key a parser cache.
 */
public final class FlowLogFormat {

    /** The AWS default format: the version 2 fields in documentation order. */
    public static final FlowLogFormat V2_DEFAULT = parse(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");

    /** Required besides the addresses ({@link #missingRequired()}). */
    private static final List<FlowLogField> REQUIRED = List.of(FlowLogField.SRCPORT, FlowLogField.DSTPORT,
            FlowLogField.PROTOCOL, FlowLogField.START, FlowLogField.END, FlowLogField.ACTION);

    /** The required fields as a message names them. */
    public static final String REQUIRED_TEXT = "srcaddr or pkt-srcaddr, dstaddr or pkt-dstaddr, srcport, dstport,"
            + " protocol, start, end, action";

    private final List<String> names;
    /** Per column; null for an ignored column. */
    private final FlowLogField[] columns;
    private final Set<FlowLogField> present;
    private final List<String> ignored;

    private FlowLogFormat(List<String> names, FlowLogField[] columns) {
        this.names = List.copyOf(names);
        this.columns = columns;
        this.present = EnumSet.noneOf(FlowLogField.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                unknown.add(names.get(i));
            } else {
                present.add(columns[i]);
            }
        }
        this.ignored = List.copyOf(unknown);
    }

    /**
     * Parses a format as {@code aws ec2 describe-flow-logs} prints it ({@code ${version} ${srcaddr} ...})
     * or a plain space-separated list of field names (an S3 header line).
     *
     * @throws InputException naming the first unknown or repeated field: a user-given format
     *     is checked strictly so that a typo does not silently shift every column
     */
    public static FlowLogFormat parse(String text) {
        String[] tokens = text == null ? new String[0] : text.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw new InputException(InputProblem.error(null, 0, "format",
                    "flow-log field names such as ${version} ${srcaddr}", "an empty format"));
        }
        List<String> names = new ArrayList<>(tokens.length);
        FlowLogField[] columns = new FlowLogField[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String name = stripPlaceholder(tokens[i]);
            FlowLogField field = FlowLogField.byName(name);
            if (field == null) {
                throw new InputException(InputProblem.error(null, 0, "format",
                        "a flow-log field name (version, srcaddr, pkt-srcaddr, tcp-flags, ...)", "'" + tokens[i] + "'"));
            }
            if (Arrays.asList(columns).contains(field)) {
                throw new InputException(InputProblem.error(null, 0, "format",
                        "each field once", "'" + tokens[i] + "' twice"));
            }
            columns[i] = field;
            names.add(field.awsName());
        }
        return new FlowLogFormat(names, columns);
    }

    /**
     * The format an S3 header line declares. Unknown names become ignored columns rather than
     * errors: AWS adds fields over time, and the header is authoritative about positions.
     *
     * @throws InputException (line 1, field {@code header}, no file) for a name given twice: which
     *     of the two columns holds the value is unknowable (issue 12, item 8)
     */
    public static FlowLogFormat ofHeader(String line) {
        String[] tokens = line.trim().split("\\s+");
        FlowLogField[] columns = new FlowLogField[tokens.length];
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            columns[i] = FlowLogField.byName(tokens[i]);
            if (!seen.add(columns[i] != null ? columns[i] : tokens[i])) {
                throw new InputException(InputProblem.error(null, 1, "header", "each field once", "'" + tokens[i] + "' twice"));
            }
        }
        return new FlowLogFormat(Arrays.asList(tokens), columns);
    }

    /**
     * The fields without which records cannot become connections, by AWS name, in column order of
     * the default format; empty when none is missing (issue 12, item 8: a format without
     * {@code protocol} or {@code dstport} gave zero policies or wrong counts). The addresses may
     * come from {@code pkt-srcaddr}/{@code pkt-dstaddr} instead (fact 2); {@code action} keeps
     * REJECT records from becoming allowed edges.
     */
    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        if (!has(FlowLogField.SRCADDR) && !has(FlowLogField.PKT_SRCADDR)) {
            missing.add(FlowLogField.SRCADDR.awsName());
        }
        if (!has(FlowLogField.DSTADDR) && !has(FlowLogField.PKT_DSTADDR)) {
            missing.add(FlowLogField.DSTADDR.awsName());
        }
        for (FlowLogField field : REQUIRED) {
            if (!has(field)) {
                missing.add(field.awsName());
            }
        }
        return missing;
    }

    /** The same field in every column, however the names are spelled ({@code log_status}, {@code ${log-status}}). */
    public boolean sameColumns(FlowLogFormat other) {
        return other != null && Arrays.equals(columns, other.columns) && ignored.isEmpty() && other.ignored.isEmpty();
    }

    /** Whether the format carries {@code field}, e.g. to warn when {@code pkt-srcaddr} is missing (fact 2). */
    public boolean has(FlowLogField field) {
        return present.contains(field);
    }

    /** Number of columns, ignored ones included: the number of values on each line. */
    public int columnCount() {
        return columns.length;
    }

    /** The field of column {@code index}, or null when that column is ignored. */
    public FlowLogField column(int index) {
        return columns[index];
    }

    /** The known fields, in column order. */
    public List<FlowLogField> fields() {
        List<FlowLogField> out = new ArrayList<>(columns.length);
        for (FlowLogField field : columns) {
            if (field != null) {
                out.add(field);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Names of header columns this code does not know, in column order. */
    public List<String> ignoredColumns() {
        return ignored;
    }

    /** The record version the known fields imply: the highest version among them. */
    public int version() {
        int version = 2;
        for (FlowLogField field : present) {
            version = Math.max(version, field.version());
        }
        return version;
    }

    private static String stripPlaceholder(String token) {
        if (token.startsWith("${") && token.endsWith("}")) {
            return token.substring(2, token.length() - 1);
        }
        return token;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowLogFormat format && names.equals(format.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The column names separated by single spaces, as an S3 header line spells them. */
    @Override
    public String toString() {
        return String.join(" ", names);
    }
}
