/**
 * The index: answers to every question of the public API from the pipeline's products: checks
 * between endpoints (S5, S11, S15 in docs/semantics.md), explanations from the rule units,
 * listings, Service queries (S14) and warnings. Internal: not exported by the module.
 */
package io.kubereach.internal.query;
