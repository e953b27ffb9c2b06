package io.flowpol.inference.evaluate.calico;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the Calico conformance data with Jackson as plain Java values: objects become
 * {@code LinkedHashMap}, arrays {@code ArrayList}, so the tests index the upstream tables as
 * they are written.
 */
final class ConformanceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConformanceJson() {
    }

    /** Reads {@code <flowpol.shared.dir>/conformance/calico-selectors/<name>}. */
    static Object readSharedFile(String name) throws IOException {
        String shared = System.getProperty("flowpol.shared.dir", "../../shared");
        Path path = Path.of(shared, "conformance", "calico-selectors", name);
        return MAPPER.readValue(path.toFile(), Object.class);
    }
}
