/**
 * The bitset engine (docs/architecture.md): a straight pipeline from the policies' normal form to
 * allowed-connection matrices over pod classes. Selections compiled over label profiles, IP
 * classes, pod shapes and classes, port atoms and port classes, then one matrix per distinct port
 * class; {@link io.kubereach.internal.engine.Engine} is the product and answers questions about
 * classes. Internal: not exported by the module.
 */
package io.kubereach.internal.engine;
