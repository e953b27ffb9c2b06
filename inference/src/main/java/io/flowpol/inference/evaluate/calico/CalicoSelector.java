package io.flowpol.inference.evaluate.calico;

import java.util.Map;

/**
 * A parsed Calico selector expression ({@code app == 'web' && !has(legacy)}), immutable and
 * safe to share between threads. {@link #toString()} is Calico's canonical form, so two
 * selectors that differ only in spacing, quoting or set order compare equal.
 *
 * <p>Syntax and semantics: libcalico-go {@code selector} package at v3.32.1, documented in
 * the {@code selector} field descriptions of the projectcalico.org/v3 CRDs and in
 * {@code shared/conformance/calico-selectors/README.md}.
 */
public final class CalicoSelector {
    /** The selector of an empty or absent field: matches everything. */
    public static final CalicoSelector ALL = new CalicoSelector(new SelectorNode.All(false));

    private final SelectorNode root;
    private final String canonical;

    private CalicoSelector(SelectorNode root) {
        this.root = root;
        StringBuilder out = new StringBuilder();
        root.write(out);
        this.canonical = out.toString();
    }

    /**
     * Parses a selector; null, empty or blank text is {@code all()}.
     *
     * @throws CalicoSelectorException with the offending position and what was expected
     */
    public static CalicoSelector parse(String text) {
        if (text == null) {
            return ALL;
        }
        return new CalicoSelector(SelectorParser.parse(text));
    }

    /** True when the labels satisfy the expression. */
    public boolean matches(Map<String, String> labels) {
        return root.matches(labels::get);
    }

    boolean matches(SelectorLabels labels) {
        return root.matches(labels);
    }

    /** True when {@code global()} appears anywhere in the expression. */
    public boolean mentionsGlobal() {
        return root.mentionsGlobal();
    }

    /** True when the whole expression is {@code global()} (only valid form in a rule namespaceSelector). */
    public boolean isGlobal() {
        return root instanceof SelectorNode.All all && all.global();
    }

    /** True when the whole expression is {@code all()} (also the empty selector). */
    public boolean isAll() {
        return root instanceof SelectorNode.All all && !all.global();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalicoSelector that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Calico's canonical text ({@code Selector.String()}). */
    @Override
    public String toString() {
        return canonical;
    }
}
