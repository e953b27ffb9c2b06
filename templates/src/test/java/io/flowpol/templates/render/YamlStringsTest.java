package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlStringsTest {
    private static final List<String> TRICKY = List.of("true", "False", "yes", "NO", "on", "y", "null", "~", "8080",
            "0755", "1e3", "2026-11-30", "1_000", "10.0.0.1/32", "2001:db8::1/128", "a: b", "#x", "- x", "{a}",
            "[a]", "it's", "say \"hi\"", "back\\slash", "line\nbreak", "tab\there", "", " lead", "trail ", "*ref",
            "&anchor", "!tag", "%dir", "@at", "`tick`", "| pipe", "> fold", "has(a) && b == 'c'", "ünïcödé");

    @Test
    void everyScalarReadsBackAsTheSameStringInBlockAndFlowContext() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (String text : TRICKY) {
            String scalar = YamlStrings.scalar(text);
            JsonNode block = yaml.readTree("key: " + scalar + "\n");
            JsonNode flow = yaml.readTree("key: {inner: " + scalar + ", other: 1}\n");
            assertTrue(block.path("key").isTextual(), text + " -> " + scalar);
            assertEquals(text, block.path("key").asText(), scalar);
            assertEquals(text, flow.path("key").path("inner").asText(), scalar);
        }
    }

    @Test
    void plainNamesStayPlain() {
        for (String name : List.of("backend", "app.kubernetes.io/managed-by", "kube-dns", "TCP", "http")) {
            assertEquals(name, YamlStrings.scalar(name));
        }
    }

    @Test
    void commentsStayOnOneLine() {
        assertEquals("a b", YamlStrings.comment("a\nb"));
    }
}
