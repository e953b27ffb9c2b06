package io.flowpol.templates.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mark of a flowpol output directory (issue 12 item 2): {@value #FILE} lists every file
 * flowpol wrote there with its SHA-256, in {@code sha256sum} format ({@code <hex>  <path>}, paths
 * relative with {@code /}, sorted), so {@code sha256sum -c .flowpol-manifest} checks it by hand.
 * A later run replaces the directory only if every file in it is listed and unchanged.
 */
final class OutputManifest {
    static final String FILE = ".flowpol-manifest";

    private OutputManifest() {
    }

    /** Lists every regular file under {@code dir} (written last, once the output is complete). */
    static void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files(dir)) {
            text.append(sha256(file)).append("  ").append(relative(dir, file)).append('\n');
        }
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /**
     * The listed files of {@code dir} by relative path, or null when it has no manifest.
     *
     * @throws IOException also for a manifest that is not in the format {@link #write} writes
     */
    static Map<String, String> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : lines) {
            int gap = line.indexOf("  ");
            if (gap != 64 || line.length() == 66) {
                throw new IOException(file + ": not a flowpol manifest line: " + line);
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        return listed;
    }

    /** The regular files under {@code dir} but the manifest, sorted; symbolic links are not followed. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(dir.resolve(FILE))).sorted().toList();
        }
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
