package io.flowpol.inference.evaluate.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream-derived selector conformance suite ({@code shared/conformance/calico-selectors},
 * README there): match/no-match/invalid/valid cases, canonical forms and {@code global()}
 * placement, one JUnit case each.
 */
class CalicoSelectorConformanceTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cases() throws IOException {
        return (Map<String, Object>) ConformanceJson.readSharedFile("cases.json");
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> selectorCases() throws IOException {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) cases().get("cases");
        return cases.stream().map(c -> Arguments.of(c.get("id"), c.get("selector"), c));
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> canonicalisation() throws IOException {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) cases().get("canonicalisation");
        return cases.stream().map(c -> Arguments.of(c.get("selector"), c.get("canonical")));
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> placementRules() throws IOException {
        Map<String, Object> context = (Map<String, Object>) cases().get("fieldContextRules");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) context.get("rules");
        return rules.stream().map(r -> Arguments.of(r.get("field"), r.get("selector"), r.get("allowed")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("selectorCases")
    @SuppressWarnings("unchecked")
    void selectorCaseBehavesAsUpstream(String id, String selector, Map<String, Object> c) {
        if (Boolean.TRUE.equals(c.get("invalid"))) {
            assertThrows(CalicoSelectorException.class, () -> CalicoSelector.parse(selector));
            return;
        }
        CalicoSelector parsed = CalicoSelector.parse(selector);
        if (Boolean.TRUE.equals(c.get("valid"))) {
            assertNotNull(parsed);
            return;
        }
        Map<String, String> labels = (Map<String, String>) c.get("labels");
        assertEquals(c.get("matches"), parsed.matches(labels), () -> id + " " + parsed + " on " + labels);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("canonicalisation")
    void canonicalFormIsCalicosString(String selector, String canonical) {
        assertEquals(canonical, CalicoSelector.parse(selector).toString());
    }

    @ParameterizedTest(name = "canonical form of {1} parses back to itself")
    @MethodSource("canonicalisation")
    void canonicalFormIsAFixedPoint(String selector, String canonical) {
        CalicoSelector once = CalicoSelector.parse(selector);
        assertEquals(once.toString(), CalicoSelector.parse(once.toString()).toString());
    }

    @ParameterizedTest(name = "{0}: {1} allowed={2}")
    @MethodSource("placementRules")
    void globalPlacementFollowsValidator(String field, String selector, Boolean allowed) {
        SelectorPlacement placement;
        if (field.startsWith("EntityRule.namespaceSelector")) {
            placement = SelectorPlacement.ENTITY_NAMESPACE_SELECTOR;
        } else if (field.contains("EntityRule.selector")) {
            placement = SelectorPlacement.ENTITY_SELECTOR;
        } else {
            placement = SelectorPlacement.POLICY;
        }
        boolean ok;
        try {
            ok = placement.problem(CalicoSelector.parse(selector)) == null;
        } catch (CalicoSelectorException e) {
            ok = false;
        }
        assertEquals(allowed, ok, field + ": " + selector);
    }
}
