package io.flowpol.templates.diff;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker {@link Configuration} of the diff and pull-request templates, set up as the
 * generate renderer's (STYLE.md habit 9): UTF-8, root locale, computer number format,
 * {@code RETHROW_HANDLER}, no template-exception logging, no null loop variables. The
 * templates are part of flowpol, so a failure to render is a bug, not bad input.
 */
final class DiffTemplates {
    static final String CLASSPATH_ROOT = "/io/flowpol/templates/";

    private final Configuration config;

    DiffTemplates() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());
        config.setOutputEncoding(StandardCharsets.UTF_8.name());
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setLocalizedLookup(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setTemplateLoader(new ClassTemplateLoader(DiffTemplates.class, CLASSPATH_ROOT));
    }

    /** Renders {@code template} with the single variable {@code name → view}. */
    String render(String template, String name, Object view) {
        StringWriter out = new StringWriter();
        try {
            config.getTemplate(template).process(Map.of(name, view), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException(template + ": " + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }
}
