package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No AWS region anywhere: one line naming where to set it, not the SDK's provider-chain dump (issue 15 item 5). */
class MissingRegionTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void noRegionAnywhere() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null,
                "a region is set in this environment");
        // the SDK's own switches: no profile file, no instance metadata (which would answer on EC2)
        System.setProperty("aws.configFile", tmp.resolve("no-config").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterEach
    void restore() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.disableEc2Metadata");
    }

    @Test
    void s3WithoutARegionNamesTheFlagAndTheVariable() {
        Cli.Result r = Cli.run("generate", "--s3", "s3://flow-logs/AWSLogs/", "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(),
                "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T11:00:00Z", "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--region") && r.err().contains("AWS_REGION"), r.err());
        assertFalse(r.err().contains("Unable to load region") || r.err().contains("SdkClientException"), r.err());
        assertEquals(2, r.err().lines().count(), "the error line and the --help hint: " + r.err());
    }
}
