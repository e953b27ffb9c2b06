package io.flowpol.ingest.s3;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds the flow-log objects of a window with ListObjectsV2 (all pages) while listing as little
 * as possible: the account and region folders with a delimiter, then only the day folders of
 * the window, never the whole bucket.
 */
final class S3ObjectLister {
    private final S3Client client;
    private final S3Source source;
    private final io.flowpol.ingest.aws.RetryCount retries;
    long listCalls;
    long outsideWindow;
    long parquet;
    long ignored;

    S3ObjectLister(S3Client client, S3Source source, io.flowpol.ingest.aws.RetryCount retries) {
        this.retries = retries;
        this.client = client;
        this.source = source;
    }

    /** The keys to read, sorted (key order is time order within a region folder). */
    List<String> keys() {
        String user = S3KeyLayout.folder(source.prefix());
        long from = source.startMillis() - source.filePeriodMillis();
        long to = source.endMillis() + source.filePeriodMillis();
        TreeSet<String> keys = new TreeSet<>();
        for (String root : regionRoots(user)) {
            for (String day : S3KeyLayout.days(root, from, to)) {
                String prefix = S3KeyLayout.narrower(user, root + day);
                if (prefix != null) {
                    list(prefix, null, from, to, keys, null);
                }
            }
        }
        return List.copyOf(keys);
    }

    /** The {@code .../AWSLogs/<account>/vpcflowlogs/<region>/} folders under the user's folder. */
    private List<String> regionRoots(String user) {
        int at = user.indexOf(S3KeyLayout.AWS_LOGS);
        String base = at < 0 ? user + S3KeyLayout.AWS_LOGS : user.substring(0, at + S3KeyLayout.AWS_LOGS.length());
        String[] parts = at < 0 ? new String[0] : user.substring(base.length()).split("/");
        List<String> accounts = new ArrayList<>();
        if (parts.length == 0 || parts[0].isEmpty()) {
            accounts.addAll(folders(base));
        } else {
            accounts.add(base + parts[0] + "/");
        }
        List<String> roots = new ArrayList<>();
        for (String account : accounts) {
            if (parts.length >= 3) {
                roots.add(account + parts[1] + "/" + parts[2] + "/");
            } else {
                roots.addAll(folders(account + S3KeyLayout.service(account)));
            }
        }
        if (roots.isEmpty()) {
            throw new InputException(InputProblem.error(source.uri(user), 0, null,
                    "VPC flow logs in the AWS layout AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<mm>/<dd>/",
                    "no such folder"));
        }
        return roots;
    }

    private List<String> folders(String prefix) {
        List<String> folders = new ArrayList<>();
        list(prefix, "/", 0, 0, null, folders);
        return folders;
    }

    /** Lists every page under {@code prefix}: keys in the time range into {@code keys}, or sub-folders into {@code folders}. */
    private void list(String prefix, String delimiter, long from, long to, TreeSet<String> keys, List<String> folders) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(source.bucket()).prefix(prefix).delimiter(delimiter)
                .overrideConfiguration(retries.attach()).build();
        try {
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                listCalls++;
                if (folders != null) {
                    page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(folders::add);
                }
                if (keys != null) {
                    page.contents().stream().map(S3Object::key).forEach(key -> select(key, from, to, keys));
                }
            }
        } catch (RuntimeException e) {
            throw S3Failures.of(source.uri(prefix), e);
        }
    }

    private void select(String key, long from, long to, TreeSet<String> keys) {
        long time = S3KeyLayout.fileTimeMillis(key);
        if (time < 0) {
            if (S3KeyLayout.isParquet(key)) {
                parquet++;
            } else {
                ignored++;
            }
        } else if (time < from || time >= to) {
            outsideWindow++;
        } else {
            keys.add(key);
        }
    }
}
