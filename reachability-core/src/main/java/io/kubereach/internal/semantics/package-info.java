/**
 * The rules of docs/semantics.md as small units, each written once: which pods a subject or peer
 * selects ({@link io.kubereach.internal.semantics.Selection}, S2, S7, S8), which addresses and pods
 * a rule's peers admit ({@link io.kubereach.internal.semantics.PeerSet}, S6, S12), which ports it
 * matches ({@link io.kubereach.internal.semantics.PortMatch}, S6, S9), how named ports resolve
 * ({@link io.kubereach.internal.semantics.NamedPorts}, S10), which pods hold which addresses
 * ({@link io.kubereach.internal.semantics.IpMemberships}, S12), and every policy in that normal
 * form ({@link io.kubereach.internal.semantics.CompiledPolicies}). The engine compiles these units
 * to bitsets; explanations, warnings and Service queries evaluate them directly. Internal: not
 * exported by the module.
 */
package io.kubereach.internal.semantics;
