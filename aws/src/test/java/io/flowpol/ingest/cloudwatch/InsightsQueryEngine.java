package io.flowpol.ingest.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the Logs Insights commands {@link InsightsQuery} emits over stored events, so the
 * test endpoint answers a query by really computing it: {@code parse @message "glob" as ...},
 * {@code filter}, {@code fields expr as name, ...}, {@code stats count(*)|sum|min|max(field) as
 * name, ... by field, ..., bin(Ns) as name} and {@code limit}. Anything else is rejected, as
 * AWS rejects a malformed query.
 */
final class InsightsQueryEngine {
    private static final Pattern PARSE = Pattern.compile("parse\\s+@message\\s+\"([^\"]*)\"\\s+as\\s+(.+)", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("(.+)\\s+as\\s+(\\w+)", Pattern.DOTALL);
    private static final Pattern AGG = Pattern.compile("(count|sum|min|max)\\((\\*|\\w+)\\)\\s+as\\s+(\\w+)");
    private static final Pattern BIN = Pattern.compile("bin\\((\\d+)s\\)(?:\\s+as\\s+(\\w+))?");
    private static final DateTimeFormatter BIN_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** One stored log event. */
    record Event(String stream, long timestamp, String message) {
    }

    /** Output rows (field → value, in order) and how many events reached {@code stats}. */
    record Result(List<Map<String, String>> rows, long matched) {
    }

    private Pattern glob;
    private List<String> globNames;
    private final List<Object[]> steps = new ArrayList<>();
    private final List<String[]> aggregates = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private long binSeconds;
    private String binName;
    private int limit = Integer.MAX_VALUE;

    /** @throws IllegalArgumentException for anything outside the subset */
    InsightsQueryEngine(String query) {
        for (String command : query.split("\\|")) {
            command(command.trim());
        }
        if (aggregates.isEmpty()) {
            throw new IllegalArgumentException("a stats command is required");
        }
    }

    private void command(String command) {
        Matcher parse = PARSE.matcher(command);
        if (parse.matches()) {
            StringBuilder regex = new StringBuilder("^");
            for (String literal : parse.group(1).split("\\*", -1)) {
                regex.append(regex.length() > 1 ? "(.*?)" : "").append(Pattern.quote(literal));
            }
            glob = Pattern.compile(regex.append('$').toString());
            globNames = List.of(parse.group(2).trim().split("\\s*,\\s*"));
        } else if (command.startsWith("filter ")) {
            steps.add(new Object[] {InsightsExpression.parse(command.substring(7)), null});
        } else if (command.startsWith("fields ")) {
            for (String part : command.substring(7).split(",")) {
                Matcher named = NAMED.matcher(part.trim());
                if (!named.matches()) {
                    throw new IllegalArgumentException("fields needs 'expr as name': " + part);
                }
                steps.add(new Object[] {InsightsExpression.parse(named.group(1)), named.group(2)});
            }
        } else if (command.startsWith("stats ")) {
            stats(command.substring(6));
        } else if (command.startsWith("limit ")) {
            limit = Integer.parseInt(command.substring(6).trim());
        } else {
            throw new IllegalArgumentException("unsupported command: " + command);
        }
    }

    private void stats(String text) {
        int by = text.indexOf(" by ");
        for (String agg : text.substring(0, by < 0 ? text.length() : by).split(",")) {
            Matcher m = AGG.matcher(agg.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("unsupported aggregate: " + agg);
            }
            aggregates.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        for (String key : by < 0 ? new String[0] : text.substring(by + 4).split(",")) {
            Matcher bin = BIN.matcher(key.trim());
            if (bin.matches()) {
                binSeconds = Long.parseLong(bin.group(1));
                binName = bin.group(2) == null ? "bin(" + binSeconds + "s)" : bin.group(2);
            } else if (key.trim().matches("[\\w@]+")) {
                keys.add(key.trim());
            } else {
                throw new IllegalArgumentException("unsupported grouping: " + key);
            }
        }
    }

    Result run(List<Event> events) {
        Map<List<String>, double[]> groups = new LinkedHashMap<>();
        long matched = 0;
        Map<String, Object> row = new HashMap<>();
        for (Event event : events) {
            row.clear();
            row.put("@message", event.message());
            row.put("@logStream", event.stream());
            if (glob != null) {
                Matcher m = glob.matcher(event.message());
                for (int i = 0; m.matches() && i < globNames.size(); i++) {
                    row.put(globNames.get(i), m.group(i + 1));
                }
            }
            if (!apply(row)) {
                continue;
            }
            matched++;
            List<String> key = new ArrayList<>();
            for (String name : keys) {
                Object value = row.get(name);
                key.add(value == null ? null : text(value));
            }
            if (binName != null) {
                long bin = binSeconds * 1000;
                key.add(BIN_TEXT.format(Instant.ofEpochMilli(Math.floorDiv(event.timestamp(), bin) * bin)));
            }
            aggregate(groups.computeIfAbsent(key, k -> fresh()), row);
        }
        return new Result(output(groups), matched);
    }

    /** Runs filters and fields in order; false when a filter drops the event. */
    private boolean apply(Map<String, Object> row) {
        for (Object[] step : steps) {
            Object value = ((InsightsExpression.Node) step[0]).eval(row);
            if (step[1] == null) {
                if (!Boolean.TRUE.equals(value)) {
                    return false;
                }
            } else if (value != null) {
                row.put((String) step[1], value);
            }
        }
        return true;
    }

    private double[] fresh() {
        double[] values = new double[aggregates.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (aggregates.get(i)[0]) {
                case "min" -> Double.POSITIVE_INFINITY;
                case "max" -> Double.NEGATIVE_INFINITY;
                default -> 0;
            };
        }
        return values;
    }

    private void aggregate(double[] values, Map<String, Object> row) {
        for (int i = 0; i < values.length; i++) {
            String[] agg = aggregates.get(i);
            Double v = agg[1].equals("*") ? Double.valueOf(1) : InsightsExpression.number(row.get(agg[1]));
            if (v == null) {
                continue;
            }
            values[i] = switch (agg[0]) {
                case "count" -> values[i] + 1;
                case "sum" -> values[i] + v;
                case "min" -> Math.min(values[i], v);
                default -> Math.max(values[i], v);
            };
        }
    }

    private List<Map<String, String>> output(Map<List<String>, double[]> groups) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map.Entry<List<String>, double[]> group : groups.entrySet()) {
            if (rows.size() == limit) {
                break;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), group.getKey().get(i));
            }
            if (binName != null) {
                out.put(binName, group.getKey().get(keys.size()));
            }
            for (int i = 0; i < aggregates.size(); i++) {
                out.put(aggregates.get(i)[2], text(group.getValue()[i]));
            }
            rows.add(out);
        }
        return rows;
    }

    /** Numbers as Insights prints them: integral values without a fraction. */
    private static String text(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }
}
