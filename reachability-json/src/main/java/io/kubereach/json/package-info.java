/**
 * kubereach's answers as JSON documents: {@link io.kubereach.json.KubereachJson}, the one public
 * class, writes what the CLI prints with {@code -o json} (and {@code -o sarif} for reviews), in the
 * schema docs/cli.md and docs/verify.md describe. Jackson stays inside this module: no Jackson type
 * is in its API, and the core has none.
 */
package io.kubereach.json;
