package io.flowpol.cli.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Option values a learning run is given beside its mutated input: valid ones that change what is
 * learned (a narrower window, another VPC range, widened external blocks, a namespace left out,
 * SNAT egress left out) and invalid ones (a usage error, exit 2). The self-check must hold
 * under every valid one.
 */
enum OptionChoice {
    STRICT("--strict"),
    SINCE_HALF_PAST("--since", "2026-11-30T10:30:00Z"),
    UNTIL_ELEVEN("--until", "2026-11-30T11:00:00Z"),
    SINCE_FAR_FUTURE("--since", "2099-01-01T00:00:00Z"),
    SINCE_NOT_A_TIME("--since", "yesterday"),
    AGGREGATE_8("--aggregate-external", "/8"),
    AGGREGATE_24("--aggregate-external", "/24"),
    AGGREGATE_0("--aggregate-external", "/0"),
    AGGREGATE_33("--aggregate-external", "/33"),
    EXCLUDE_SHOP("--exclude-namespace", "shop"),
    EXCLUDE_DATA_AND_DEFAULT("--exclude-namespace", "data,default"),
    EXCLUDE_NOTHING("--exclude-namespace", ""),
    SNAT_REPORT_ONLY("--snat-egress", "report-only"),
    SNAT_BOGUS("--snat-egress", "allow-all"),
    VPC_ONE_SUBNET("--vpc-cidr", "10.0.1.0/24"),
    VPC_EVERYTHING("--vpc-cidr", "0.0.0.0/0"),
    VPC_TWO_RANGES("--vpc-cidr", "10.0.0.0/16,172.16.0.0/12"),
    VPC_NOT_A_CIDR("--vpc-cidr", "10.0.0.0/40"),
    JOIN_HORIZON_ZERO("--join-horizon", "0s"),
    JOIN_HORIZON_DAY("--join-horizon", "1d"),
    JOIN_HORIZON_NEGATIVE("--join-horizon", "-5m"),
    MIN_CONNECTIONS_ONE("--min-connections", "1"),
    MIN_CONNECTIONS_THREE("--min-connections", "3"),
    MIN_CONNECTIONS_TEN("--min-connections", "10"),
    MIN_CONNECTIONS_ZERO("--min-connections", "0");

    private final String[] args;

    OptionChoice(String... args) {
        this.args = args;
    }

    static String[] args(List<OptionChoice> choices) {
        List<String> all = new ArrayList<>();
        choices.forEach(c -> all.addAll(List.of(c.args)));
        return all.toArray(String[]::new);
    }

    /** A usage error: picocli or the command's validate() refuses it before any input is read. */
    boolean invalid() {
        return this == SINCE_NOT_A_TIME || this == AGGREGATE_0 || this == AGGREGATE_33 || this == SNAT_BOGUS || this == VPC_NOT_A_CIDR
                || this == JOIN_HORIZON_ZERO || this == JOIN_HORIZON_NEGATIVE || this == MIN_CONNECTIONS_ZERO;
    }

    /**
     * Up to two valid choices of different options, and one in ten times an invalid one too (it
     * ends the run before the input is read, so it would otherwise hide what the input does).
     */
    static Gen<List<OptionChoice>> any() {
        Gen<OptionChoice> one = Gen.of(values());
        return r -> {
            List<OptionChoice> chosen = new ArrayList<>();
            int n = r.nextInt(3);
            while (chosen.size() < n) {
                OptionChoice c = one.next(r);
                if (!c.invalid() && chosen.stream().noneMatch(o -> o.args[0].equals(c.args[0]))) {
                    chosen.add(c);
                }
            }
            if (r.nextInt(10) == 0) {
                OptionChoice c = one.next(r);
                while (!c.invalid()) {
                    c = one.next(r);
                }
                chosen.add(c);
            }
            return chosen;
        };
    }
}
