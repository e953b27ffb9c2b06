package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --templates} directory may come from a repository a bot checks out, and flowpol runs
 * with cloud credentials and a GitHub token (issue 12 item 1): a template can lay out the views it
 * is given, never create objects, reach the Java API, or call static methods.
 */
class TemplateSandboxTest {
    @TempDir
    Path tmp;

    /** Renders with {@code report.md.ftl} replaced by {@code body}; the error it must end with. */
    private InputException renderWithReport(String body) throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("report.md.ftl"), "# report\n" + body + "\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        InputException e = assertThrows(InputException.class,
                () -> new OutputRenderer(templates).render(out, SampleModel.model()));
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(e.getMessage().startsWith("report.md.ftl:2: "), e.getMessage());
        return e;
    }

    @Test
    void newCannotInstantiateExecuteAndRunsNoCommand() throws IOException {
        Path marker = tmp.resolve("ran");
        InputException e = renderWithReport("<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "${ex(\"touch " + marker + "\")}");

        assertFalse(Files.exists(marker), "the command ran");
        assertTrue(e.getMessage().contains("Execute"), e.getMessage());
    }

    @Test
    void newCannotInstantiateObjectConstructor() throws IOException {
        InputException e = renderWithReport("<#assign c = \"freemarker.template.utility.ObjectConstructor\"?new()>"
                + "${c(\"java.io.File\", \"/\")}");

        assertTrue(e.getMessage().contains("ObjectConstructor"), e.getMessage());
    }

    @Test
    void apiBuiltInIsDisabled() throws IOException {
        InputException e = renderWithReport("${report.summary?api.getClass().getName()}");

        assertTrue(e.getMessage().contains("?api"), e.getMessage());
    }

    @Test
    void aViewDoesNotHandOutItsClass() throws IOException {
        // static access goes through a Class object: getClass() and the class property must not reach one
        renderWithReport("${report.summary.class}");
        renderWithReport("${report.summary.getClass()}");
        renderWithReport("${report.policies?first.getClass()}");
    }

    @Test
    void staticModelsAreNotInTheDataModel() throws IOException {
        renderWithReport("${statics[\"java.lang.System\"].exit(7)}");
    }
}
