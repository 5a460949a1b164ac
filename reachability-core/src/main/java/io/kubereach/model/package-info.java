/**
 * The vendor-neutral model of the Kubernetes objects that decide east-west reachability: immutable
 * records that validate in their constructors with the Kubernetes API's own rules.
 *
 * <p>Every type here is an immutable value, safe to share between threads. Invalid input raises
 * {@link java.lang.IllegalArgumentException} naming the field and the fix. Rule numbers (S1–S15)
 * refer to docs/semantics.md.
 */
package io.kubereach.model;
