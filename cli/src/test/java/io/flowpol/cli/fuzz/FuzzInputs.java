package io.flowpol.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The seeds the mutations start from: the demo's recording and slices of its S3 flow logs
 * (samples/demo). A slice is the header plus the first lines of every 5-minute object, so it
 * spans the window, resolves against the recording and yields real edges for the self-check
 * (15 edges, 13 NetworkPolicies from v5), while one run stays well under a second. (Objects list
 * one ENI after another, so fewer lines per object reach only a few workloads.)
 */
final class FuzzInputs {
    static final Path REPO = Path.of(System.getProperty("flowpol.repo.dir", "..")).toAbsolutePath().normalize();
    static final Path DEMO = REPO.resolve("samples/demo");
    static final int LINES_PER_OBJECT = 100;

    private static byte[] recording;
    private static final java.util.Map<String, byte[]> SLICES = new java.util.concurrent.ConcurrentHashMap<>();

    private FuzzInputs() {
    }

    static synchronized byte[] recording() {
        if (recording == null) {
            recording = read(DEMO.resolve("recording.jsonl"));
        }
        return recording.clone();
    }

    /** The demo's S3 objects of {@code version} ("v2", "v5"), in path (= time) order. */
    static List<Path> objects(String version) {
        try (Stream<Path> walk = Files.walk(DEMO.resolve("flowlogs").resolve(version))) {
            return walk.filter(p -> p.toString().endsWith(".gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header and the first {@link #LINES_PER_OBJECT} records of each object of {@code version}. */
    static byte[] slice(String version) {
        return SLICES.computeIfAbsent(version, v -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean first = true;
            for (Path object : objects(v)) {
                List<byte[]> lines = Lines.of(gunzip(read(object))).lines();
                for (int i = first ? 0 : 1; i < Math.min(lines.size(), LINES_PER_OBJECT + 1); i++) {
                    out.writeBytes(lines.get(i));
                    out.write('\n');
                }
                first = false;
            }
            return out.toByteArray();
        }).clone();
    }

    /** One real S3 object as delivered (gzip), the first of {@code version}. */
    static byte[] object(String version) {
        return read(objects(version).get(0));
    }

    /** A few records of the v5 slice without its header, for members appended to a v5 object. */
    static String someV5Records() {
        List<byte[]> lines = Lines.of(slice("v5")).lines();
        return new String(lines.get(1), java.nio.charset.StandardCharsets.UTF_8) + "\n"
                + new String(lines.get(2), java.nio.charset.StandardCharsets.UTF_8) + "\n";
    }

    static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
