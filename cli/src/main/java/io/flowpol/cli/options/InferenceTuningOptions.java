package io.flowpol.cli.options;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** How flows are resolved and joined; defaults fit a standard EKS VPC. */
public final class InferenceTuningOptions {

    @Option(names = "--vpc-cidr", paramLabel = "CIDR", split = ",",
            description = "The VPC's CIDR blocks: addresses inside are in-VPC (load balancers, ENIs), outside "
                    + "are external. Default: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7.")
    public List<String> vpcCidrs;

    @Option(names = "--join-horizon", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10m",
            description = "How long records of one connection wait for their partners from the other ENI "
                    + "(v2 records without pkt-* fields). Default: ${DEFAULT-VALUE}.")
    public Duration joinHorizon;

    /**
     * Distinct VPC or external addresses per class listed before they are summarised while counted
     * (issue 13 item 4); set by the commands that write policies from one window ({@code generate},
     * {@code propose}) from {@code --aggregate-external}. 0, the default, lists every address: learn's
     * state merges windows address by address, and verify and diff judge every address exactly.
     */
    public int summariseAbove;

    /**
     * Before anything is read: a horizon of 0 reached inference as "joinHorizonMillis &lt;= 0: 0"
     * (exit 1); it is a bad flag value (exit 2, issue 12 item 11).
     */
    public void validate() {
        if (joinHorizon.isZero() || joinHorizon.isNegative()) {
            throw new InputException(InputProblem.error(null, 0, "--join-horizon", "a positive duration",
                    DurationConverter.shown(joinHorizon)));
        }
    }
}
