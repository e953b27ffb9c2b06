package io.flowpol.ingest.s3;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key layout AWS uses for flow logs delivered to S3 (VPC User Guide, "Flow log files"):
 * {@code <prefix>/AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<mm>/<dd>/}
 * {@code <account>_vpcflowlogs_<region>_<flow-log-id>_<yyyymmddTHHmmZ>_<hash>.log.gz}, optionally
 * with an hourly {@code <HH>/} folder below the day, or with Hive-compatible folder names
 * ({@code AWSLogs/aws-account-id=<account>/aws-service=vpcflowlogs/aws-region=<region>/year=<yyyy>/month=<mm>/day=<dd>/}).
 * Pure functions over key strings.
 */
final class S3KeyLayout {
    static final String AWS_LOGS = "AWSLogs/";
    static final String SERVICE = "vpcflowlogs/";
    /** With "Hive-compatible S3 prefixes" AWS names every folder {@code key=value}. */
    static final String HIVE_ACCOUNT = "aws-account-id=";
    static final String HIVE_SERVICE = "aws-service=vpcflowlogs/";
    private static final DateTimeFormatter HIVE_DAY = DateTimeFormatter.ofPattern("'year='yyyy/'month='MM/'day='dd/");
    private static final Pattern FILE_TIME = Pattern.compile("_(\\d{8}T\\d{4}Z)_[^_/]+\\.log(\\.gz)?$");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd/");

    private S3KeyLayout() {
    }

    /** The prefix as a folder: no leading slash, a trailing slash unless empty. */
    static String folder(String prefix) {
        String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    /** The service folder below an account folder, in the account folder's naming style. */
    static String service(String accountFolder) {
        return accountFolder.contains(HIVE_ACCOUNT) ? HIVE_SERVICE : SERVICE;
    }

    /**
     * The day folders {@code yyyy/MM/dd/} (or {@code year=yyyy/month=MM/day=dd/} below a Hive
     * region folder) that hold [from, to), in UTC as AWS names them.
     */
    static List<String> days(String regionFolder, long fromMillis, long toMillis) {
        DateTimeFormatter format = regionFolder.contains("/aws-region=") ? HIVE_DAY : DAY;
        List<String> days = new ArrayList<>();
        LocalDate last = Instant.ofEpochMilli(toMillis - 1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = Instant.ofEpochMilli(fromMillis).atZone(ZoneOffset.UTC).toLocalDate();
                !day.isAfter(last); day = day.plusDays(1)) {
            days.add(format.format(day));
        }
        return days;
    }

    /**
     * The time in a flow-log file name, epoch milliseconds, or -1 for a key that is not a text
     * flow-log file (a Parquet file, a folder marker, something a user put there).
     */
    static long fileTimeMillis(String key) {
        Matcher m = FILE_TIME.matcher(key);
        if (!m.find()) {
            return -1;
        }
        try {
            return LocalDateTime.parse(m.group(1), NAME_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** Parquet delivery ({@code .log.parquet}) is not read; counted so the report can say so. */
    static boolean isParquet(String key) {
        return key.endsWith(".parquet");
    }

    /**
     * Which list prefix covers both the user's folder and a day folder: the longer one when one
     * contains the other, null when they are disjoint (the user pointed below another day).
     */
    static String narrower(String userFolder, String dayFolder) {
        if (userFolder.startsWith(dayFolder)) {
            return userFolder;
        }
        return dayFolder.startsWith(userFolder) ? dayFolder : null;
    }
}
