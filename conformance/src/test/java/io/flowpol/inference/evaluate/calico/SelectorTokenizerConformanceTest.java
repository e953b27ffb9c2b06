package io.flowpol.inference.evaluate.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The upstream tokenizer table ({@code tokenizer-cases.json}): same tokens, or an error. */
class SelectorTokenizerConformanceTest {

    @SuppressWarnings("unchecked")
    static Stream<Arguments> tokenizerCases() throws IOException {
        Map<String, Object> file = (Map<String, Object>) ConformanceJson.readSharedFile("tokenizer-cases.json");
        List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
        return cases.stream().map(c -> Arguments.of(abbreviate((String) c.get("input")), c));
    }

    private static String abbreviate(String input) {
        return input.length() > 60 ? input.substring(0, 40) + "...(" + input.length() + " chars)" : input;
    }

    /** Upstream's name of a kind: {@code STRING_LITERAL -> TokStringLiteral}, {@code EOF -> TokEOF}. */
    static String upstreamName(SelectorToken.Kind kind) {
        if (kind == SelectorToken.Kind.EOF) {
            return "TokEOF";
        }
        StringBuilder out = new StringBuilder("Tok");
        for (String part : kind.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizerCases")
    @SuppressWarnings("unchecked")
    void tokenizesAsUpstream(String shortInput, Map<String, Object> c) {
        String input = (String) c.get("input");
        if (Boolean.TRUE.equals(c.get("error"))) {
            assertThrows(CalicoSelectorException.class, () -> SelectorTokenizer.tokenize(input));
            return;
        }
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> token : (List<Map<String, Object>>) c.get("tokens")) {
            expected.add(token.get("kind") + (token.containsKey("value") ? "=" + token.get("value") : ""));
        }
        List<String> actual = new ArrayList<>();
        for (SelectorToken token : SelectorTokenizer.tokenize(input)) {
            actual.add(upstreamName(token.kind()) + (token.value() != null ? "=" + token.value() : ""));
        }
        assertEquals(expected, actual);
    }
}
