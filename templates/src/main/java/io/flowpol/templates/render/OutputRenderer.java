package io.flowpol.templates.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a whole output directory ({@link OutputFiles}) with one FreeMarker
 * {@link Configuration} (STYLE.md habit 9). Templates are looked up in the override
 * directory first ({@code --templates}), then on the classpath under
 * {@code /io/flowpol/templates/}. Each template gets one view record: {@code policy}
 * ({@link NetworkPolicyView} or {@link GlobalNetworkPolicyView}), {@code kustomization} or
 * {@code report}.
 *
 * <p>Output goes to a temporary directory beside {@code outDir} and replaces it only when
 * every file is written ({@link DirectorySwap}); on any failure nothing is left behind.
 * A failing template is bad input: it surfaces as an {@link InputException} naming the
 * template and line. Templates run sandboxed ({@link TemplateSandbox}): no {@code ?new}, no
 * {@code ?api}, no Java object but the views.
 */
public final class OutputRenderer {
    static final String CLASSPATH_ROOT = "/io/flowpol/templates/";

    private final Configuration config;

    public OutputRenderer(Path templateOverrideDirOrNull) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        TemplateSandbox.apply(config, Configuration.VERSION_2_3_34);
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());
        config.setOutputEncoding(StandardCharsets.UTF_8.name());
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setLocalizedLookup(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setTemplateLoader(loader(templateOverrideDirOrNull));
    }

    private static TemplateLoader loader(Path overrideDir) {
        TemplateLoader classpath = new ClassTemplateLoader(OutputRenderer.class, CLASSPATH_ROOT);
        if (overrideDir == null) {
            return classpath;
        }
        if (!Files.isDirectory(overrideDir)) {
            throw new InputException(InputProblem.error(overrideDir.toString(), 0, "--templates",
                    "a directory of .ftl templates", Files.exists(overrideDir) ? "a file" : "nothing"));
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrideDir.toFile()), classpath});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the templates {@link #render} uses now, so that their FreeMarker start-up can run
     * while inputs are still being read (issue 7) and a broken override is reported as such.
     *
     * @throws InputException naming the template and line of a syntax error
     */
    public void prepare() {
        for (String template : OutputFiles.TEMPLATES) {
            try {
                config.getTemplate(template);
            } catch (ParseException e) {
                throw new InputException(InputProblem.error(e.getTemplateName(), e.getLineNumber(), null,
                        "a valid FreeMarker template", e.getEditorMessage()), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Writes every output file into {@code outDir}, replacing a previous flowpol output there
     * ({@link OutputTarget}: a symbolic link is followed and stays a link).
     */
    public void render(Path outDir, OutputModel model) {
        if (outDir == null || model == null) {
            throw new IllegalArgumentException("outDir and model are required");
        }
        try {
            DirectorySwap.replace(OutputTarget.resolve(outDir), tmp -> new OutputFiles(this, model).writeAll(tmp));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders {@code template} with {@code name → view} into {@code file}, creating its directory. */
    void renderTemplate(String template, String name, Object view, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            process(template, name, view, out);
        }
    }

    /**
     * Renders {@code template} with {@code name → view} to a string, with this run's one
     * Configuration: {@code flowpol diff} output and the pull-request body
     * ({@code io.flowpol.templates.diff}).
     */
    public String renderToString(String template, String name, Object view) {
        StringWriter out = new StringWriter();
        try {
            process(template, name, view, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void process(String template, String name, Object view, Writer out) throws IOException {
        try {
            config.getTemplate(template).process(Map.of(name, view), out);
        } catch (ParseException e) {
            throw new InputException(InputProblem.error(e.getTemplateName(), e.getLineNumber(), null,
                    "a valid FreeMarker template", e.getEditorMessage()), e);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            throw new InputException(InputProblem.error(e.getTemplateSourceName(), line == null ? 0 : line, null,
                    "a template that renders", oneLine(e.getMessageWithoutStackTop())), e);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "an error" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
