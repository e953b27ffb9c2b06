package io.flowpol.inference.model;

/** An address block: {@code base/prefix}; the prefix counts IPv4 bits for IPv4 blocks. */
public record Cidr(IpAddress base, int prefix) implements Comparable<Cidr> {

    public Cidr {
        if (base == null) {
            throw new IllegalArgumentException("base == null");
        }
        int max = base.isV4() ? 32 : 128;
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix out of range 0-" + max + ": " + prefix);
        }
        base = mask(base, base.isV4() ? prefix + 96 : prefix);
    }

    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            IpAddress address = IpAddress.parse(text);
            return new Cidr(address, address.isV4() ? 32 : 128);
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        return new Cidr(address, prefix);
    }

    public static Cidr host(IpAddress address) {
        return new Cidr(address, address.isV4() ? 32 : 128);
    }

    public boolean contains(long hi, long lo) {
        if (IpAddress.isV4(hi, lo) != base.isV4()) {
            return false;
        }
        // No masked copy: the evaluator asks this for every rule and probe (issue 13 regression).
        int bits128 = base.isV4() ? prefix + 96 : prefix;
        return (hi & hiMask(bits128)) == base.hi() && (lo & loMask(bits128)) == base.lo();
    }

    public boolean contains(IpAddress address) {
        return contains(address.hi(), address.lo());
    }

    /** True when every address of {@code other} lies in this block. */
    public boolean contains(Cidr other) {
        return other.base.isV4() == base.isV4() && other.prefix >= prefix && contains(other.base);
    }

    /** The block's highest address (its base for a host block). */
    public IpAddress last() {
        int bits128 = base.isV4() ? prefix + 96 : prefix;
        long hiMask = bits128 >= 64 ? -1L : (bits128 == 0 ? 0L : -1L << (64 - bits128));
        long loMask = bits128 <= 64 ? 0L : (bits128 == 128 ? -1L : -1L << (128 - bits128));
        return new IpAddress(base.hi() | ~hiMask, base.lo() | ~loMask);
    }

    private static IpAddress mask(IpAddress address, int bits128) {
        return new IpAddress(address.hi() & hiMask(bits128), address.lo() & loMask(bits128));
    }

    private static long hiMask(int bits128) {
        return bits128 >= 64 ? -1L : (bits128 == 0 ? 0L : -1L << (64 - bits128));
    }

    private static long loMask(int bits128) {
        return bits128 <= 64 ? 0L : (bits128 == 128 ? -1L : -1L << (128 - bits128));
    }

    @Override
    public int compareTo(Cidr other) {
        int c = base.compareTo(other.base);
        return c != 0 ? c : Integer.compare(prefix, other.prefix);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
