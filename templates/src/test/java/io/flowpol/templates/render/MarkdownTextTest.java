package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void pipesAndLineBreaksCannotEndATableCell() {
        assertEquals("a \\| b c", MarkdownText.cell("a | b\nc"));
    }

    @Test
    void markupIsNeutralised() {
        assertEquals("&lt;script&gt; \\*x\\* \\_y\\_ \\[l\\] \\`c\\` \\\\", MarkdownText.cell("<script> *x* _y_ [l] `c` \\"));
    }

    @Test
    void emptyCellShowsADash() {
        assertEquals("-", MarkdownText.cell(""));
    }

    @Test
    void mermaidLabelsCannotCloseTheirQuotes() {
        assertEquals("say #quot;hi#quot;", MarkdownText.mermaidLabel("say \"hi\""));
    }
}
