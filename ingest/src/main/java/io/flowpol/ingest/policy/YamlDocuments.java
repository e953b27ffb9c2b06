package io.flowpol.ingest.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Kubernetes manifests as documents: files or directories (recursively, {@code .yaml},
 * {@code .yml}, {@code .json}, in sorted path order), multi-document YAML, and the items of
 * {@code List} objects ({@code kubectl get -o yaml}, {@code PodList}, ...), whose items take
 * the list's kind minus {@code List} and its apiVersion when they carry none.
 */
public final class YamlDocuments {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    /** Every object of every file under the given paths, lists expanded. */
    public static List<SourceDocument> read(List<Path> filesOrDirs) {
        List<SourceDocument> out = new ArrayList<>();
        for (Path file : files(filesOrDirs)) {
            out.addAll(readFile(file));
        }
        return out;
    }

    static List<Path> files(List<Path> filesOrDirs) {
        List<Path> files = new ArrayList<>();
        for (Path path : filesOrDirs) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(YamlDocuments::isManifest).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException(InputProblem.error(path.toString(), 0, null, "a readable directory", e.getMessage()), e);
            }
        }
        return files;
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    static List<SourceDocument> readFile(Path path) {
        String file = path.toString();
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        List<SourceDocument> out = new ArrayList<>();
        int index = 0;
        int reading = 1; // the document a syntax error is in: the next one until it has been read
        try (JsonParser parser = (json ? JSON : YAML).getFactory().createParser(path.toFile());
             MappingIterator<JsonNode> documents = (json ? JSON : YAML).readValues(parser, JsonNode.class)) {
            while (documents.hasNextValue()) {
                index++;
                reading = index;
                JsonNode node = documents.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    expand(new SourceDocument(file, index, "", node), out);
                }
                reading = index + 1;
            }
        } catch (JsonProcessingException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            long line = cause instanceof JsonProcessingException p && p.getLocation() != null ? p.getLocation().getLineNr() : 0;
            String message = cause instanceof JsonProcessingException p ? p.getOriginalMessage() : cause.getMessage();
            throw new InputException(InputProblem.error(file, line, "document " + reading,
                    json ? "valid JSON" : "valid YAML", firstLine(message)), e);
        } catch (RuntimeException e) {
            if (e instanceof InputException) {
                throw e;
            }
            throw new InputException(InputProblem.error(file, 0, "document " + reading,
                    json ? "valid JSON" : "valid YAML", firstLine(e.getMessage())), e);
        } catch (IOException e) {
            String found = Files.exists(path) ? e.getMessage() : "no such file or directory";
            throw new InputException(InputProblem.error(file, 0, null, "a readable policy file or directory", found), e);
        }
        return out;
    }

    private static void expand(SourceDocument document, List<SourceDocument> out) {
        String kind = document.kind();
        JsonNode items = document.node().get("items");
        if (kind == null || !kind.endsWith("List") || items == null || !items.isArray()) {
            out.add(document);
            return;
        }
        String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.isObject()) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                if (!copy.has("kind") && itemKind != null) {
                    copy.put("kind", itemKind);
                }
                if (!copy.has("apiVersion") && document.apiVersion() != null) {
                    copy.put("apiVersion", document.apiVersion());
                }
                item = copy;
            }
            out.add(new SourceDocument(document.file(), document.documentIndex(), "items[" + i + "].", item));
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
