package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.IpBlock;
import java.util.List;

/**
 * A list of CIDRs as one address set with a log-time lookup: Calico's {@code nets} and
 * {@code notNets} (issue 19 item 1). Contains exactly the addresses some block of the list
 * {@link Cidr#contains}, so an IPv6 block never contains an IPv4 address.
 */
public final class CidrSet {
    private final AddressRuleIndex index;

    private CidrSet(AddressRuleIndex index) {
        this.index = index;
    }

    public static CidrSet of(List<Cidr> blocks) {
        AddressRuleIndex.Builder builder = new AddressRuleIndex.Builder();
        for (Cidr block : blocks) {
            builder.add(0, new IpBlock(block, List.of()));
        }
        return new CidrSet(builder.build());
    }

    public boolean contains(IpAddress address) {
        return index.rulesContaining(address).length > 0;
    }
}
