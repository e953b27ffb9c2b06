package io.flowpol.inference.policy;

import io.flowpol.inference.model.Cidr;
import java.util.List;

/** A NetworkPolicy ipBlock: {@code cidr} minus every {@code except} block. */
public record IpBlock(Cidr cidr, List<Cidr> except) {
    public IpBlock {
        if (cidr == null) {
            throw new IllegalArgumentException("cidr == null");
        }
        except = except == null ? List.of() : List.copyOf(except);
    }
}
