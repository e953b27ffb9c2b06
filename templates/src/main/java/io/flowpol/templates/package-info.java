/**
 * The templates module: renders what inference produced, with FreeMarker (JSON with Jackson):
 * the output directory of {@code generate} ({@code render}) and the text of {@code diff} and of
 * the pull-request body ({@code diff}). Views are sorted and quoted before a template sees them,
 * so templates hold layout only (STYLE.md habit 9); nothing here reads input or decides policy.
 */
package io.flowpol.templates;
