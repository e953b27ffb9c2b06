package io.flowpol.inference.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressListingTest {
    private static final EvalEndpoint WEB = new EvalEndpoint(true, "shop", "web", Map.of("app", "web"),
            Map.of(), null, IpAddress.parse("10.0.1.2"), List.of());

    /**
     * The listing asks the engine once per stretch of the pod's own policies' CIDRs; over address
     * intervals cut by many other CIDRs (other workloads' policies, observed addresses) it must
     * answer exactly what the engine answers for each interval.
     */
    @Test
    void answersWhatTheEngineAnswersForEveryIntervalOfTheWholeSpace() {
        NetworkPolicy webOut = new NetworkPolicy("shop", "web-out", null, null, LabelSelector.of(Map.of("app", "web")),
                List.of(PolicyType.EGRESS, PolicyType.INGRESS),
                List.of(rule(new IpBlock(Cidr.parse("192.168.0.0/16"), List.of()), 80)),
                List.of(rule(new IpBlock(Cidr.parse("10.0.0.0/16"), List.of(Cidr.parse("10.0.1.0/24"))), 443),
                        rule(new IpBlock(Cidr.parse("10.0.1.128/25"), List.of()), 5432)));
        NetworkPolicy dbIn = new NetworkPolicy("shop", "db-in", null, null, LabelSelector.of(Map.of("app", "db")),
                List.of(PolicyType.INGRESS), List.of(rule(new IpBlock(Cidr.parse("10.0.0.0/8"), List.of()), 5432)), List.of());
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(webOut, dbIn), List.of()), null);
        List<Cidr> cuts = new ArrayList<>(AddressRanges.of(new PolicySet(List.of(webOut, dbIn), List.of())));
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            cuts.add(Cidr.host(IpAddress.ofV4(random.nextBoolean() ? 0x0A000000 | random.nextInt(1 << 17) : random.nextInt())));
        }
        long[] starts = AddressRanges.starts(cuts);

        for (PolicyType direction : PolicyType.values()) {
            AddressListing listing = new AddressListing(engine, WEB, direction);
            for (long start : starts) {
                EvalEndpoint address = EvalEndpoint.address(AddressRanges.address(start));
                assertEquals(direction == PolicyType.EGRESS ? engine.allowedConnections(WEB, address)
                                : engine.allowedConnections(address, WEB), listing.allowed(start, address),
                        direction + " " + AddressRanges.address(start));
            }
        }
    }

    private static NetworkPolicyRule rule(IpBlock block, int port) {
        return new NetworkPolicyRule(List.of(new NetworkPolicyPeer(null, null, block)),
                List.of(NetworkPolicyPort.number(Protocol.TCP, port)));
    }
}
