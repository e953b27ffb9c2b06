package io.flowpol.ingest.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Kubernetes manifests as documents: files or directories (recursively, {@code .yaml},
 * {@code .yml}, {@code .json}, in sorted path order), multi-document YAML, and the items of
 * {@code List} objects ({@code kubectl get -o yaml}, {@code PodList}, ...), whose items take
 * the list's kind minus {@code List} and its apiVersion when they carry none.
 */
public final class YamlDocuments {
    /**
     * SnakeYAML's limits as Jackson passes them on. Aliases are not expanded by Jackson's YAML
     * parser (an alias reads as its anchor's name, a string), so an alias bomb stays a few
     * bytes; the alias limit is kept low for the day that changes. One document may hold a
     * {@code kubectl get -A -o yaml} List of thousands of policies: SnakeYAML's default of
     * 3 MiB per document would refuse it, so the limit is 1 GiB (a document is still held
     * whole; the documents of a file are not).
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(DocumentTree.MAX_DEPTH);
        options.setCodePointLimit(1 << 30);
        return options;
    }

    /** Every object of every file under the given paths, lists expanded. */
    public static List<SourceDocument> read(List<Path> filesOrDirs) {
        List<SourceDocument> out = new ArrayList<>();
        forEach(filesOrDirs, out::add);
        return out;
    }

    /**
     * Hands every object of every file under the given paths to {@code sink} as it is read,
     * lists expanded: only one document's tree is held at a time (GitHub issue 12, item 9).
     */
    public static void forEach(List<Path> filesOrDirs, Consumer<SourceDocument> sink) {
        for (Path file : files(filesOrDirs)) {
            readFile(file, sink);
        }
    }

    /**
     * The files to read, each once: a file reached twice (named twice, or through a symbolic
     * link beside it) is read at its first path only, since its policies would otherwise be
     * two documents for one policy (GitHub issue 12, item 12).
     */
    static List<Path> files(List<Path> filesOrDirs) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : filesOrDirs) {
            if (!Files.isDirectory(path)) {
                addOnce(path, files, seen);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(YamlDocuments::isManifest).sorted()
                        .forEach(file -> addOnce(file, files, seen));
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(InputProblem.error(path.toString(), 0, null, "a readable directory", e.getMessage()), e);
            }
        }
        return files;
    }

    private static void addOnce(Path file, List<Path> files, Set<Path> seen) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize(); // missing or unreadable: reading it says so
        }
        if (seen.add(real)) {
            files.add(file);
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    static List<SourceDocument> readFile(Path path) {
        List<SourceDocument> out = new ArrayList<>();
        readFile(path, out::add);
        return out;
    }

    private static void readFile(Path path, Consumer<SourceDocument> sink) {
        String file = path.toString();
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        Map<String, String> strings = new HashMap<>();
        try (JsonParser parser = (json ? JSON : YAML).getFactory().createParser(path.toFile())) {
            for (int index = 1; ; index++) {
                DocumentTree.Read document = next(parser, file, index, json, strings);
                if (document == null) {
                    return;
                }
                if (!document.node().isNull()) {
                    expand(new SourceDocument(file, index, "", document.node(), document.keys()), sink);
                }
            }
        } catch (IOException e) {
            String found = Files.exists(path) ? e.getMessage() : "no such file or directory";
            throw new InputException(InputProblem.error(file, 0, null, "a readable policy file or directory", found), e);
        }
    }

    /** The next document of the file, null at its end; a syntax error names document {@code index}. */
    private static DocumentTree.Read next(JsonParser parser, String file, int index, boolean json,
                                          Map<String, String> strings) {
        String expected = json ? "valid JSON" : "valid YAML";
        try {
            return parser.nextToken() == null ? null : DocumentTree.read(parser, file, strings);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new InputException(InputProblem.error(file, line, "document " + index, expected,
                    firstLine(e.getOriginalMessage())), e);
        } catch (IOException e) {
            throw new InputException(InputProblem.error(file, 0, "document " + index, expected, firstLine(e.getMessage())), e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(InputProblem.error(file, 0, "document " + index, expected, firstLine(e.getMessage())), e);
        }
    }

    private static void expand(SourceDocument document, Consumer<SourceDocument> out) {
        String kind = document.kind();
        JsonNode items = document.node().get("items");
        if (kind == null || !kind.endsWith("List") || items == null || !items.isArray()) {
            out.accept(document);
            return;
        }
        String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            // completed in place (the list is read once): a copy would lose the keys' lines
            if (item instanceof ObjectNode object) {
                if (!object.has("kind") && itemKind != null) {
                    object.put("kind", itemKind);
                }
                if (!object.has("apiVersion") && document.apiVersion() != null) {
                    object.put("apiVersion", document.apiVersion());
                }
            }
            out.accept(new SourceDocument(document.file(), document.documentIndex(), "items[" + i + "].", item,
                    document.keys()));
        }
    }

    /**
     * One line from a parser message. SnakeYAML writes context and problem on unindented lines,
     * each followed by an indented location and snippet ("while parsing a flow sequence" ...
     * "expected ',' or ']', but got <stream end>"): keep both, since the context alone does not
     * say what is wrong.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String text = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(java.util.stream.Collectors.joining(": "));
        return text.isEmpty() ? message.strip().lines().findFirst().orElse("unreadable input") : text;
    }
}
