package io.flowpol.inference.timeline;

import io.flowpol.inference.model.IpAddress;

/** An address held over {@code [from, to)} epoch millis, e.g. an API server endpoint. */
public record AddressSpan(IpAddress ip, int port, long from, long to) {
}
