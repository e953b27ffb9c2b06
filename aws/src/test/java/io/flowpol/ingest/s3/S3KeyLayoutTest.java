package io.flowpol.ingest.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3KeyLayoutTest {

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    @Test
    void aWindowAcrossMidnightCoversBothDayFolders() {
        assertEquals(List.of("2026/12/31/", "2027/01/01/"),
                S3KeyLayout.days("p/AWSLogs/1/vpcflowlogs/us-east-1/", at("2026-12-31T23:55:00Z"), at("2027-01-01T00:05:00Z")));
    }

    @Test
    void aWindowEndingAtMidnightDoesNotListTheNextDay() {
        assertEquals(List.of("2026-12-01".replace('-', '/') + "/"),
                S3KeyLayout.days("p/AWSLogs/1/vpcflowlogs/us-east-1/", at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z")));
    }

    @Test
    void hiveCompatibleRegionFoldersHaveHiveDayFolders() {
        assertEquals(List.of("year=2026/month=12/day=01/"), S3KeyLayout.days(
                "AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=us-east-1/",
                at("2026-12-01T10:00:00Z"), at("2026-12-01T11:00:00Z")));
        assertEquals("aws-service=vpcflowlogs/", S3KeyLayout.service("AWSLogs/aws-account-id=1/"));
        assertEquals("vpcflowlogs/", S3KeyLayout.service("AWSLogs/1/"));
    }

    @Test
    void theFileNameTimestampIsReadAsUtcMinutes() {
        String key = "p/AWSLogs/1/vpcflowlogs/us-east-1/2026/12/01/1_vpcflowlogs_us-east-1_fl-1_20261201T1035Z_9a8b.log.gz";
        assertEquals(at("2026-12-01T10:35:00Z"), S3KeyLayout.fileTimeMillis(key));
    }

    @Test
    void keysThatAreNotTextFlowLogFilesHaveNoTime() {
        assertEquals(-1, S3KeyLayout.fileTimeMillis("a/1_vpcflowlogs_r_fl-1_20261201T1035Z_9a.log.parquet"));
        assertEquals(-1, S3KeyLayout.fileTimeMillis("a/README"));
        assertEquals(-1, S3KeyLayout.fileTimeMillis("a/1_vpcflowlogs_r_fl-1_20261399T1035Z_9a.log.gz"));
        assertTrue(S3KeyLayout.isParquet("a/x.log.parquet"));
    }

    @Test
    void theNarrowerOfTwoNestedPrefixesIsListedAndDisjointOnesNot() {
        assertEquals("r/2026/12/01/", S3KeyLayout.narrower("r/", "r/2026/12/01/"));
        assertEquals("r/2026/12/01/07/", S3KeyLayout.narrower("r/2026/12/01/07/", "r/2026/12/01/"));
        assertNull(S3KeyLayout.narrower("r/2026/12/02/", "r/2026/12/01/"));
    }

    @Test
    void aPrefixIsTreatedAsAFolder() {
        assertEquals("", S3KeyLayout.folder(""));
        assertEquals("logs/", S3KeyLayout.folder("/logs"));
        assertEquals("logs/", S3KeyLayout.folder("logs/"));
    }

    @Test
    void anS3UriSplitsIntoBucketAndPrefix() {
        S3Source source = S3Source.parse("s3://bucket/a/b", 0, 1);
        assertEquals("bucket", source.bucket());
        assertEquals("a/b", source.prefix());
        assertEquals("", S3Source.parse("s3://bucket", 0, 1).prefix());
        assertEquals("s3://bucket/k", source.uri("k"));
        assertThrows(InputException.class, () -> S3Source.parse("https://bucket/a", 0, 1));
        assertThrows(InputException.class, () -> S3Source.parse("s3:///a", 0, 1));
    }
}
