package io.flowpol.inference.evaluate.calico;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed selectors by their text: a policy set is replayed against every connection of the
 * learning window, so each distinct selector is parsed once. Thread-safe.
 */
final class SelectorCache {
    private final Map<String, CalicoSelector> parsed = new ConcurrentHashMap<>();

    /**
     * The selector for a field's text; null or blank is absent and reads as {@code all()}.
     *
     * @throws CalicoSelectorException when the text does not parse
     */
    CalicoSelector get(String text) {
        if (isAbsent(text)) {
            return CalicoSelector.ALL;
        }
        CalicoSelector selector = parsed.get(text);
        if (selector == null) {
            // Parse outside computeIfAbsent so that a bad selector's exception is not wrapped.
            selector = CalicoSelector.parse(text);
            parsed.putIfAbsent(text, selector);
        }
        return selector;
    }

    /** Calico treats an empty selector field as not given ({@code rules.go} tests {@code != ""}). */
    static boolean isAbsent(String text) {
        return text == null || text.isBlank();
    }
}
