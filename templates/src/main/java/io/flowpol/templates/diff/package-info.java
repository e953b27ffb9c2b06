/**
 * Output of {@code flowpol diff} and of the PR bot's pull-request body (issues 3 and 6).
 * Contract: a {@link io.flowpol.templates.diff.DiffReport} (plain values from inference) goes in,
 * text comes out; every list is sorted and every cell escaped by the view builders before a
 * template sees it, the templates only lay out (STYLE.md, "Templates"). The renderers take no
 * credentials and no configuration, so a pull-request body can hold no secret.
 */
package io.flowpol.templates.diff;
