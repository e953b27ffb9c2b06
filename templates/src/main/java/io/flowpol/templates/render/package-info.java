/**
 * Renders a generate run's output directory: policies, kustomization and report from
 * FreeMarker templates (overridable with {@code --templates}), and {@code edges.json} with
 * Jackson. Every template is fed a view record that is already sorted and YAML- or
 * Markdown-quoted, so templates hold layout only (STYLE.md habit 9), and templates run sandboxed
 * ({@link io.flowpol.templates.render.TemplateSandbox}). Output is written to a temporary directory
 * beside the target and moved into place only when complete; an existing directory is replaced
 * only when it is flowpol's own output, as its manifest lists it
 * ({@link io.flowpol.templates.render.OutputTarget}).
 */
package io.flowpol.templates.render;
