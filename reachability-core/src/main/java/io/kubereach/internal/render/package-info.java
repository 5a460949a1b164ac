/**
 * The one renderer of result tables: Markdown and self-contained HTML, escaped, with a row limit.
 * Results describe themselves as a {@link io.kubereach.internal.render.Render.Table}; this package
 * owns the syntax. Internal: not exported by the module.
 */
package io.kubereach.internal.render;
