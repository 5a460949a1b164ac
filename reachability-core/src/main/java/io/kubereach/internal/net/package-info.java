/**
 * Address arithmetic: IPv4 and IPv6 addresses and blocks as numbers, the one test of whether an
 * address lies in a policy's CIDR minus its exceptions (S7, S12 in docs/semantics.md), and the
 * address space cut into atoms that the same address sets hold. Internal: not exported by the
 * module, no API promise.
 */
package io.kubereach.internal.net;
