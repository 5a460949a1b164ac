/**
 * Diff computation: the connections that differ between two listings, with external ranges compared
 * as functions over the address space on the common refinement of both sides (S12 in
 * docs/semantics.md). Internal: not exported by the module.
 */
package io.kubereach.internal.diff;
